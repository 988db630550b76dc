#!/usr/bin/env bash
# bench/crash_restart.sh N [DELAY...]: how long serve takes to listen after
# a re-import of an N-triple graph was killed (kill -9) DELAY seconds after
# its commit began (default 40 s: while it deletes the replaced content).
# BIN (default: this checkout's civicgraph) runs every step; OLD, when set,
# also times the start with that binary on a copy of the same killed store.
#
#   bash bench/crash_restart.sh 1000000
#   OLD=/path/to/civicgraph-before bash bench/crash_restart.sh 1000000 40
set -euo pipefail
N=${1:-1000000}
shift || true
DELAYS=${*:-40}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$ROOT/bench/work/crash
mkdir -p "$WORK"
BIN=${BIN:-$WORK/civicgraph}
[ -n "${BIN_BUILT:-}" ] || (cd "$ROOT" && go build -o "$WORK/civicgraph" ./cmd/civicgraph)
F=$WORK/g-$N.nt
[ -s "$F" ] || "$BIN" generate --triples "$N" --seed 1 > "$F"
if [ ! -d "$WORK/base-$N" ]; then
  "$BIN" import --quiet --data "$WORK/base-$N" "$F" >/dev/null 2>&1
fi
echo "date $(date -u +%FT%TZ) loadavg $(cut -d' ' -f1-3 /proc/loadavg) nproc $(nproc) commit $(git -C "$ROOT" rev-parse --short HEAD)"

# serve_time BINARY STORE: seconds until serve prints its URL, on a copy of STORE.
serve_time() {
  rm -rf "$WORK/st" && cp -a "$2" "$WORK/st"
  local start end pid
  start=$(date +%s.%N)
  "$1" serve --data "$WORK/st" --addr 127.0.0.1:0 > "$WORK/st.log" 2>&1 & pid=$!
  for _ in $(seq 1 6000); do grep -q "serving" "$WORK/st.log" && break; sleep 0.1; done
  end=$(date +%s.%N)
  kill "$pid"; wait "$pid" || true
  echo "$end - $start" | bc
}

for d in $DELAYS; do
  rm -rf "$WORK/s" && cp -a "$WORK/base-$N" "$WORK/s"
  "$BIN" import --quiet --data "$WORK/s" "$F" > "$WORK/import.log" 2>&1 & ipid=$!
  for _ in $(seq 1 6000); do grep -q "end-segment [1-9]" "$WORK/s/civicgraph.loading" 2>/dev/null && break; sleep 0.1; done
  sleep "$d"
  kill -9 "$ipid" 2>/dev/null || echo "the import ended before the kill: lower DELAY"
  wait "$ipid" || true
  echo "killed $d s into the commit: serve listens after $(serve_time "$BIN" "$WORK/s") s"
  if [ -n "${OLD:-}" ]; then
    echo "  with $OLD: after $(serve_time "$OLD" "$WORK/s") s"
  fi
done
