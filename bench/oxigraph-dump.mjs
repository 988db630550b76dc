// Oxigraph (npm `oxigraph`, WASM, in memory) dumping the same data civicgraph's export
// benchmark writes, as the peer of `go test ./export -bench Write` (issue 11).
//
// Usage: node --max-old-space-size=8000 bench/oxigraph-dump.mjs FILE.nt MODULES [RUNS=3]
//
// FILE.nt comes from `civicgraph generate --triples N --seed 1 --format nt`; MODULES is a folder
// whose node_modules holds oxigraph (npm install --prefix MODULES oxigraph@0.5.11). The file is
// loaded first (not timed), then dumped RUNS times to a string per syntax (N-Triples, Turtle,
// JSON-LD where this Oxigraph writes it); each record is one JSON line with the median time,
// triples/s and the 1-minute load average (the machine is shared).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [file, modules, runsArg] = process.argv.slice(2);
if (!file || !modules) {
  console.error('usage: node oxigraph-dump.mjs FILE.nt MODULES [RUNS]');
  process.exit(2);
}
const RUNS = parseInt(runsArg || '3', 10);
const require = createRequire(join(modules, 'package.json'));
const ox = require('oxigraph');
const version = require('oxigraph/package.json').version;
const loadavg = () => +readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
const median = (a) => { const b = [...a].sort((x, y) => x - y); return b[Math.floor((b.length - 1) / 2)]; };

const store = new ox.Store();
store.load(readFileSync(file, 'utf8'), { format: 'application/n-triples', no_transaction: true, lenient: true });
const n = store.size;
for (const [name, format] of [['nt', 'application/n-triples'], ['ttl', 'text/turtle'], ['jsonld', 'application/ld+json']]) {
  const times = [];
  let bytes = 0;
  try {
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint();
      const out = store.dump({ format, from_graph_name: ox.defaultGraph() });
      times.push(Number(process.hrtime.bigint() - t0) / 1e9);
      bytes = out.length;
    }
  } catch (e) {
    console.log(JSON.stringify({ peer: 'oxigraph', version, format: name, error: String(e.message || e) }));
    continue;
  }
  const s = median(times);
  console.log(JSON.stringify({ peer: 'oxigraph', version, format: name, triples: n, runs: RUNS, median_seconds: +s.toFixed(3), triples_per_s: Math.round(n / s), chars: bytes, loadavg_1m: loadavg() }));
}
