#!/usr/bin/env bash
# bench/soak.sh: the soak of issue 14. Serves seed + N generated triples,
# sends a mix of lookups, filtered and ordered lists, neighbours and search
# from CLIENTS clients for DURATION, uploads a generated file through
# importData at UPLOAD_AT, and reports errors, timeouts, refusals, req/s
# and the server's RSS: at start (idle), warm (after a short warm-up and
# an idle spell), peak, right after the burst, and SETTLE after it.
# Writes bench/work/results/soak-N.json and exits 1 when any request
# failed.
#
#   bash bench/soak.sh                          # N=1000000, 64 clients, 60 s
#   DURATION=30s CLIENTS=32 bash bench/soak.sh  # shorter, on a loaded machine
#   STORE=/path/to/store bash bench/soak.sh     # reuse a store (it gets the upload)
#
# Env: N (1000000), CLIENTS (64), DURATION (60s), UPLOAD_AT (10s),
# UPLOAD_TRIPLES (100000), SETTLE (30 s), PORT (8099), SERVE_FLAGS (extra
# flags for serve, such as "--memory-limit 512MiB"), WARMUP (3s) and
# WARM_IDLE (45 s; 0 skips the warm start).
set -euo pipefail
N=${N:-1000000}
CLIENTS=${CLIENTS:-64}
DURATION=${DURATION:-60s}
UPLOAD_AT=${UPLOAD_AT:-10s}
UPLOAD_TRIPLES=${UPLOAD_TRIPLES:-100000}
SETTLE=${SETTLE:-30}
PORT=${PORT:-8099}
WARMUP=${WARMUP:-3s}
WARM_IDLE=${WARM_IDLE:-45}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$ROOT/bench/work
mkdir -p "$WORK/data" "$WORK/results"
BIN=$WORK/civicgraph
LOAD=$WORK/load
OUT=$WORK/results/soak-$N.json

(cd "$ROOT" && go build -o "$BIN" ./cmd/civicgraph && go build -o "$LOAD" ./bench/load)
F=$WORK/data/civicgraph-$N-s1.nt
UP=$WORK/data/civicgraph-$UPLOAD_TRIPLES-s2.nt
[ -s "$UP" ] || { "$BIN" generate --triples "$UPLOAD_TRIPLES" --seed 2 > "$UP.tmp" && mv "$UP.tmp" "$UP"; }
if [ -z "${STORE:-}" ]; then
  [ -s "$F" ] || { "$BIN" generate --triples "$N" --seed 1 > "$F.tmp" && mv "$F.tmp" "$F"; }
  STORE=$WORK/soak-store-$N
  rm -rf "$STORE"
  "$BIN" import --quiet --data "$STORE" "$F" > /dev/null
fi

export CIVICGRAPH_TOKEN=${CIVICGRAPH_TOKEN:-soak-token-$(date +%s%N)}
# shellcheck disable=SC2086
"$BIN" serve --data "$STORE" --addr "127.0.0.1:$PORT" --log-level warn ${SERVE_FLAGS:-} > "$WORK/soak-serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/readyz" > /dev/null; do
  kill -0 $PID 2>/dev/null || { cat "$WORK/soak-serve.log"; exit 1; }
  sleep 0.2
done
rss() { awk '/VmRSS/{print int($2/1024)}' /proc/$PID/status; }
anon() { awk '/RssAnon/{print int($2/1024)}' /proc/$PID/status; }
RSS_START=$(rss); ANON_START=$(anon)
PEAK_FILE=$WORK/soak-peak
echo "$RSS_START" > "$PEAK_FILE"
( while kill -0 $PID 2>/dev/null; do r=$(rss 2>/dev/null || echo 0); [ "$r" -gt "$(cat "$PEAK_FILE")" ] && echo "$r" > "$PEAK_FILE"; sleep 0.5; done ) &
SAMPLER=$!
echo "serve pid $PID on $STORE: RSS at start ${RSS_START} MiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
# A warm start: one client sends the mix for WARMUP, which builds what the
# first request of each kind builds (the list and search indexes, badger's
# caches), then the server idles for WARM_IDLE s, past --idle-return. What
# the burst leaves behind is measured against this as well as the cold start.
if [ "$WARM_IDLE" != 0 ]; then
  "$LOAD" -mode soak -url "http://127.0.0.1:$PORT" -clients 1 -duration "$WARMUP" -out /dev/null > /dev/null
  sleep "$WARM_IDLE"
fi
RSS_WARM=$(rss); ANON_WARM=$(anon)
echo "RSS warm (after ${WARMUP} of one client and ${WARM_IDLE} s idle): ${RSS_WARM} MiB, anonymous ${ANON_WARM} MiB"
set +e
"$LOAD" -mode soak -url "http://127.0.0.1:$PORT" -clients "$CLIENTS" -duration "$DURATION" \
  -upload "$UP" -upload-at "$UPLOAD_AT" -out "$WORK/soak-load.json"
STATUS=$?
set -e
RSS_END=$(rss); ANON_END=$(anon)
sleep "$SETTLE"
RSS_SETTLED=$(rss); ANON_SETTLED=$(anon)
kill $SAMPLER 2>/dev/null || true
RSS_PEAK=$(cat "$PEAK_FILE")
echo "RSS: start ${RSS_START} MiB, peak ${RSS_PEAK} MiB, end of burst ${RSS_END} MiB, ${SETTLE} s later ${RSS_SETTLED} MiB"
echo "of which anonymous (Go heap and stacks; the rest is badger's mapped files): start ${ANON_START} MiB, end of burst ${ANON_END} MiB, ${SETTLE} s later ${ANON_SETTLED} MiB"
jq -n --slurpfile load "$WORK/soak-load.json" --arg date "$(date -u +%FT%TZ)" --arg commit "$(git -C "$ROOT" rev-parse --short HEAD)" \
  --argjson n "$N" --argjson start "$RSS_START" --argjson warm "$RSS_WARM" --argjson awarm "$ANON_WARM" --argjson peak "$RSS_PEAK" --argjson rend "$RSS_END" --argjson settled "$RSS_SETTLED" \
  --argjson astart "$ANON_START" --argjson aend "$ANON_END" --argjson asettled "$ANON_SETTLED" \
  --arg loadavg "$(cut -d' ' -f1-3 /proc/loadavg)" --argjson nproc "$(nproc)" \
  '{date: $date, commit: $commit, n: $n, nproc: $nproc, loadavg_end: $loadavg, rss_mib: {start: $start, warm: $warm, peak: $peak, end: $rend, settled: $settled}, anon_mib: {start: $astart, warm: $awarm, end: $aend, settled: $asettled}, load: $load[0]}' > "$OUT"
echo "results in $OUT"
exit $STATUS
