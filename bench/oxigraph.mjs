// Oxigraph (npm `oxigraph`, Rust compiled to WASM, in-memory store) as a benchmark peer.
//
// Usage: node --max-old-space-size=12000 bench/oxigraph.mjs FILE.nt QUERIES.json WORKDIR [RUNS=10]
//
// FILE.nt is an N-Triples file from civicgraph's generator; QUERIES.json comes from
// `go run ./bench/gen -queries` (graph IRI, SPARQL text and expected rows); WORKDIR holds
// node_modules/oxigraph (bench/peers.sh installs it there). The file is read into memory first
// (not timed), cut into ~1 MiB chunks at line ends, then loaded into the named graph the
// queries use: once in the default (transactional) mode and once with
// no_transaction+lenient, Oxigraph's bulk path in the JS API. Each query runs once to warm up,
// then RUNS times; the median is reported. Output: JSON lines on stdout, a summary on stderr.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [file, queriesFile, workDir, runsArg] = process.argv.slice(2);
if (!file || !queriesFile || !workDir) {
  console.error('usage: node oxigraph.mjs FILE.nt QUERIES.json WORKDIR [RUNS]');
  process.exit(2);
}
const RUNS = parseInt(runsArg || '10', 10);
const require = createRequire(join(workDir, 'package.json'));
const ox = require('oxigraph');
const version = require('oxigraph/package.json').version;
const spec = JSON.parse(readFileSync(queriesFile, 'utf8'));

const now = () => process.hrtime.bigint();
const msSince = (t0) => Number(now() - t0) / 1e6;
const median = (a) => { const b = [...a].sort((x, y) => x - y); return b[Math.floor((b.length - 1) / 2)]; };
const rssMB = () => Math.round(process.memoryUsage().rss / 1048576);
const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
const out = (o) => console.log(JSON.stringify({ peer: 'oxigraph', version, node: process.version, n: spec.n, ...o }));

// Read and cut at line ends so that no chunk splits a statement.
const buf = readFileSync(file);
const chunks = [];
for (let off = 0; off < buf.length;) {
  let end = Math.min(off + (1 << 20), buf.length);
  if (end < buf.length) end = buf.indexOf(10, end) + 1 || buf.length;
  chunks.push(buf.subarray(off, end));
  off = end;
}
const graph = ox.namedNode(spec.graph);
const rssBeforeLoad = rssMB();

function load(opts, mode) {
  const store = new ox.Store();
  const la = loadavg();
  const t0 = now();
  store.load(chunks, { format: 'application/n-triples', to_graph_name: graph, ...opts });
  const took = msSince(t0);
  if (store.size !== spec.n) throw new Error(`oxigraph: loaded ${store.size} quads, want ${spec.n}`);
  out({
    kind: 'load', method: mode, seconds: +(took / 1000).toFixed(3), triples_per_s: Math.round(spec.n / (took / 1000)),
    triples_in_store: store.size, rss_after_load_mb: rssMB(), rss_before_load_mb: rssBeforeLoad, peak_rss_mb: peakRssMB(),
    loadavg_1m: +loadavg(), loadavg_1m_start: +la,
  });
  console.error(`oxigraph ${version}: ${mode} load ${Math.round(spec.n / (took / 1000))} triples/s (${(took / 1000).toFixed(2)} s), peak RSS ${peakRssMB()} MB`);
  return store;
}

// The bulk store is built first and dropped, so the store that answers queries is the default one.
load({ no_transaction: true, lenient: true }, 'store.load no_transaction+lenient');
global.gc?.();
const store = load({}, 'store.load (transactional)');

for (const q of spec.queries) {
  const times = [];
  let rows = 0;
  let value = null;
  store.query(q.sparql);
  for (let i = 0; i < RUNS; i++) {
    const t0 = now();
    const r = store.query(q.sparql);
    times.push(msSince(t0));
    rows = Array.isArray(r) ? r.length : 1;
    if (Array.isArray(r) && r.length === 1 && r[0].size === 1) {
      const v = Number([...r[0].values()][0].value);
      value = Number.isFinite(v) ? v : null;
    }
  }
  out({
    kind: 'query', name: q.name, median_ms: +median(times).toFixed(3), min_ms: +Math.min(...times).toFixed(3), runs: RUNS,
    rows, expect_rows: q.expect_rows, value, expect_value: q.expect_value ?? null, via: 'in-process store.query',
  });
  console.error(`oxigraph ${q.name}: median ${median(times).toFixed(3)} ms (${rows} rows, expected ${q.expect_rows})`);
}
out({ kind: 'memory', peak_rss_mb: peakRssMB(), rss_end_mb: rssMB() });
