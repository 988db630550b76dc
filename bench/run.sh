#!/usr/bin/env bash
# bench/run.sh N: civicgraph and its peers on the same generated file, in one
# session, on this machine. Writes JSON lines to bench/work/results/ and
# prints a summary. Run it on a quiet machine; see BENCHMARKS.md.
#
#   bash bench/run.sh 1000000          # about 4 minutes on 2 cores
#   SKIP_PEERS=1 bash bench/run.sh N   # civicgraph only
#   LOAD_RUNS=3                        # imports per measurement (median)
set -euo pipefail
N=${1:-1000000}
SEED=${SEED:-1}
LOAD_RUNS=${LOAD_RUNS:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$ROOT/bench/work
DATA=$WORK/data
RES=$WORK/results
mkdir -p "$DATA" "$RES"
BIN=$WORK/civicgraph
OUT=$RES/civicgraph-$N.json
F=$DATA/civicgraph-$N-s$SEED.nt

(cd "$ROOT" && go build -o "$BIN" ./cmd/civicgraph)
if [ ! -s "$F" ]; then
  "$BIN" generate --triples "$N" --seed "$SEED" > "$F.tmp" && mv "$F.tmp" "$F"
fi
echo "{\"kind\":\"env\",\"date\":\"$(date -u +%FT%TZ)\",\"n\":$N,\"file_bytes\":$(stat -c %s "$F"),\"loadavg_start\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"nproc\":$(nproc),\"cpu\":\"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\",\"commit\":\"$(git -C "$ROOT" rev-parse --short HEAD)\"}" > "$OUT"

# import_run: one import into a fresh store; samples /proc for peak RSS,
# anonymous and file-backed (badger's mmapped tables) separately.
import_run() {
  local dir=$WORK/store-$N
  rm -rf "$dir"
  local t0=$(date +%s.%N)
  "$BIN" import --quiet --empty --data "$dir" "$F" > /dev/null &
  local pid=$! hwm=0 anon=0 file=0
  while kill -0 $pid 2>/dev/null; do
    if read -r h a f < <(awk '/VmHWM/{h=$2} /RssAnon/{a=$2} /RssFile/{f=$2} END{print h+0, a+0, f+0}' /proc/$pid/status 2>/dev/null); then
      [ "$h" -gt "$hwm" ] && hwm=$h; [ "$a" -gt "$anon" ] && anon=$a; [ "$f" -gt "$file" ] && file=$f
    fi
    sleep 0.05
  done
  wait $pid
  local t1=$(date +%s.%N)
  local secs=$(echo "$t1 - $t0" | bc -l)
  local disk=$(du -sb "$dir" | cut -f1)
  printf '{"system":"civicgraph","kind":"load","n":%d,"seconds":%.3f,"triples_per_s":%.0f,"peak_rss_mb":%d,"peak_anon_mb":%d,"peak_file_mb":%d,"disk_bytes":%d,"loadavg_1m":%s}\n' \
    "$N" "$secs" "$(echo "$N / $secs" | bc -l)" $((hwm/1024)) $((anon/1024)) $((file/1024)) "$disk" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT"
}
for _ in $(seq "$LOAD_RUNS"); do import_run; done

echo "== query benchmarks (go test -bench Query)"
(cd "$ROOT" && go test -run XXX -bench 'Query' -benchtime 2s ./bench/) | tee "$WORK/query-$N.txt" |
  awk '/^BenchmarkQuery/ {name=$1; sub(/-[0-9]+$/, "", name); sub(/BenchmarkQuery\//, "", name);
       for (i=1;i<=NF;i++) if ($(i+1)=="median-ms") ms=$i; else if ($(i+1)=="rows") rows=$i;
       printf "{\"system\":\"civicgraph\",\"kind\":\"query\",\"name\":\"%s\",\"median_ms\":%s,\"rows\":%s}\n", name, ms, rows}' | tee -a "$OUT"

if [ -z "${SKIP_PEERS:-}" ]; then
  echo "== peers"
  bash "$ROOT/bench/peers.sh" "$N"
fi
echo "results: $OUT and $RES/peers-$N.json"
