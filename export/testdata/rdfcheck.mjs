// rdfcheck.mjs reads one of civicgraph's dumps with an outside library and
// prints what it read as N-Quads on stdout, for export's tests to compare
// with what civicgraph wrote:
//
//   node rdfcheck.mjs MODULES jsonld FILE [CONTEXT_URL CONTEXT_FILE]
//     jsonld.js in safe mode (a lossy construct is an error); no remote
//     document is ever fetched: CONTEXT_URL is answered with CONTEXT_FILE,
//     any other URL is an error.
//   node rdfcheck.mjs MODULES n3 FILE FORMAT
//     N3.js's parser, FORMAT one of Turtle, TriG, N-Triples, N-Quads.
//
// MODULES is the folder holding node_modules with jsonld and n3.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [modules, tool, file, a, b] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(modules), 'node_modules', 'x.js'));
const text = readFileSync(file, 'utf8');

if (tool === 'jsonld') {
  const jsonld = require('jsonld');
  const documentLoader = async (url) => {
    if (a && url === a) {
      return { contextUrl: null, documentUrl: url, document: JSON.parse(readFileSync(b, 'utf8')) };
    }
    throw new Error('rdfcheck: refusing to load remote document ' + url);
  };
  const nq = await jsonld.toRDF(JSON.parse(text), { format: 'application/n-quads', safe: true, documentLoader });
  process.stdout.write(nq);
} else if (tool === 'n3') {
  const N3 = require('n3');
  const quads = new N3.Parser({ format: a }).parse(text);
  const w = new N3.Writer({ format: 'N-Quads' });
  w.addQuads(quads);
  w.end((err, out) => {
    if (err) { console.error(err); process.exit(1); }
    process.stdout.write(out);
  });
} else {
  console.error('rdfcheck: unknown tool ' + tool);
  process.exit(2);
}
