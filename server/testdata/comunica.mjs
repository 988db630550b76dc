// Runs SPARQL queries with Comunica (@comunica/query-sparql, v4 on node 20)
// against a Triple Pattern Fragments endpoint, for server's
// TestFragments_Comunica.
// Usage: node comunica.mjs FRAGMENTS_URL QUERIES.json COMUNICA_DIR
// QUERIES.json is [{"name": ..., "sparql": ...}]; the output is one JSON
// object: name -> rows, each row the values of the selected variables, in
// order, joined by a tab; rows sorted.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [url, file, dir] = process.argv.slice(2);
const require = createRequire(path.join(dir, 'x.js'));
const { QueryEngine } = require('@comunica/query-sparql');
const queries = JSON.parse(readFileSync(file, 'utf8'));
const out = {};
for (const { name, sparql } of queries) {
  const engine = new QueryEngine();
  const result = await engine.query(sparql, { sources: [url], lenient: false });
  const vars = (await result.metadata()).variables.map((v) => v.variable ?? v);
  const bindings = await (await result.execute()).toArray();
  out[name] = bindings.map((b) => vars.map((v) => b.get(v)?.value ?? '').join('\t')).sort();
}
console.log(JSON.stringify(out));
