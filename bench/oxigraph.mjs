// Oxigraph (npm `oxigraph`, Rust compiled to WASM, in-memory store) as a benchmark peer.
//
// Usage: node --max-old-space-size=12000 bench/oxigraph.mjs FILE.nt QUERIES.json WORKDIR [RUNS=10] [MODE=queries] [RUN=0]
//
// FILE.nt is an N-Triples file from civicgraph's generator; QUERIES.json comes from
// `go run ./bench/gen -queries` (graph IRI, SPARQL text, expected answers); WORKDIR holds
// node_modules/oxigraph (bench/peers.sh installs it there). The file is read into memory first
// (not timed) and cut into ~1 MiB chunks at line ends, then loaded into the named graph the
// queries use. MODE is
//
//   load       one load in the default (transactional) mode, then exit;
//   load-bulk  one load with no_transaction+lenient, Oxigraph's bulk path in the JS API;
//   queries    a default load, then every query once to warm up and RUNS times timed.
//
// bench/peers.sh runs each mode in a fresh process. Output: JSON lines on stdout (RUN is copied
// into the load record), a summary on stderr.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [file, queriesFile, workDir, runsArg, modeArg, runArg] = process.argv.slice(2);
if (!file || !queriesFile || !workDir) {
  console.error('usage: node oxigraph.mjs FILE.nt QUERIES.json WORKDIR [RUNS] [load|load-bulk|queries] [RUN]');
  process.exit(2);
}
const RUNS = parseInt(runsArg || '10', 10);
const MODE = modeArg || 'queries';
const RUN = parseInt(runArg || '0', 10);
if (!['load', 'load-bulk', 'queries'].includes(MODE)) {
  console.error(`oxigraph.mjs: unknown mode ${MODE}`);
  process.exit(2);
}
const require = createRequire(join(workDir, 'package.json'));
const ox = require('oxigraph');
const version = require('oxigraph/package.json').version;
const spec = JSON.parse(readFileSync(queriesFile, 'utf8'));

const now = () => process.hrtime.bigint();
const msSince = (t0) => Number(now() - t0) / 1e6;
const median = (a) => { const b = [...a].sort((x, y) => x - y); return b[Math.floor((b.length - 1) / 2)]; };
const rssMB = () => Math.round(process.memoryUsage().rss / 1048576);
const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const cpuSeconds = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const loadavg = () => +readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
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
const rssBeforeLoad = rssMB();

const bulk = MODE === 'load-bulk';
const method = bulk ? 'store.load no_transaction+lenient' : 'store.load (transactional)';
const store = new ox.Store();
const la = loadavg();
const c0 = cpuSeconds();
const t0 = now();
store.load(chunks, { format: 'application/n-triples', to_graph_name: ox.namedNode(spec.graph), ...(bulk ? { no_transaction: true, lenient: true } : {}) });
const took = msSince(t0);
const cpu = cpuSeconds() - c0;
if (store.size !== spec.n) throw new Error(`oxigraph: loaded ${store.size} quads, want ${spec.n}`);
out({
  kind: 'load', run: RUN, method, seconds: +(took / 1000).toFixed(3), triples_per_s: Math.round(spec.n / (took / 1000)),
  cpu_seconds: +cpu.toFixed(2), triples_in_store: store.size, rss_before_load_mb: rssBeforeLoad, rss_after_load_mb: rssMB(),
  peak_rss_mb: peakRssMB(), loadavg_1m_start: la, loadavg_1m_end: loadavg(),
});
console.error(`oxigraph ${version}: ${method} ${Math.round(spec.n / (took / 1000))} triples/s (${(took / 1000).toFixed(2)} s, ${cpu.toFixed(1)} s CPU), peak RSS ${peakRssMB()} MB`);

if (MODE === 'queries') {
  for (const q of spec.queries) {
    const times = [];
    let rows = 0;
    let value = null;
    store.query(q.sparql);
    for (let i = 0; i < RUNS; i++) {
      const t = now();
      const r = store.query(q.sparql);
      times.push(msSince(t));
      rows = Array.isArray(r) ? r.length : 1;
      if (Array.isArray(r) && r.length === 1 && r[0].size === 1) {
        const v = Number([...r[0].values()][0].value);
        value = Number.isFinite(v) ? v : null;
      }
    }
    out({
      kind: 'query', name: q.name, median_ms: +median(times).toFixed(3), min_ms: +Math.min(...times).toFixed(3), runs: RUNS,
      rows, expect_rows: q.expect_rows, value, expect_value: q.expect_value ?? null, via: 'in-process store.query', loadavg_1m: loadavg(),
    });
    console.error(`oxigraph ${q.name}: median ${median(times).toFixed(3)} ms (${rows} rows, expected ${q.expect_rows})`);
  }
  out({ kind: 'memory', peak_rss_mb: peakRssMB(), rss_end_mb: rssMB(), after: 'file in memory, load and queries' });
}
