#!/usr/bin/env bash
# bench/formats.sh N: `civicgraph import` end to end, one input format at a
# time, on the same generated data: N-Triples, Turtle, OCDS and CSV. Each
# import is the whole process into a fresh, empty on-disk store, as a user
# runs it (civicgraph import --quiet --empty --data DIR FILE), RUNS times;
# the summary gives the median. rapper (raptor2) counting the Turtle file's
# triples is the parser peer, skipped when rapper is not installed.
#
#   bash bench/formats.sh 1000000      # about 2 minutes on 2 cores
#   RUNS=5 SEED=2 bash bench/formats.sh 200000
#   FORMATS="ttl ocds" bash bench/formats.sh   # a subset (nt ttl ocds csv)
#
# N is in N-Triples statements. The N-Triples and Turtle files hold exactly
# N; the OCDS and CSV files hold whole procurements until their N-Triples
# statements reach N (see civicgraph/internal/generate), so every file
# carries about the same data. Rates: triples/s is N / wall seconds for
# every format (N-Triples-equivalent); statements/s counts what the import
# read (OCDS maps a release to more statements than its N-Triples, CSV to
# fewer); records/s counts releases (OCDS) or rows (CSV).
#
# Writes JSON lines to bench/work/results/formats-N.json and prints a table.
# Peak RSS is the import process's maximum resident set (GNU time %M, else
# VmHWM sampled every 50 ms, as run.sh does).
set -euo pipefail
N=${1:-1000000}
SEED=${SEED:-1}
RUNS=${RUNS:-3}
FORMATS=${FORMATS:-nt ttl ocds csv}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$ROOT/bench/work
DATA=$WORK/data
RES=$WORK/results
mkdir -p "$DATA" "$RES"
BIN=$WORK/civicgraph
OUT=$RES/formats-$N.json
STORE=$WORK/store-formats-$N
# COMMIT names the code measured when ROOT is not a git checkout (an export
# of a commit, for instance).
COMMIT=${COMMIT:-$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)}

(cd "$ROOT" && go build -o "$BIN" ./cmd/civicgraph)

# file_of FORMAT: the data file of a format (nt is run.sh's file name).
file_of() {
  case $1 in
    nt) echo "$DATA/civicgraph-$N-s$SEED.nt" ;;
    ttl) echo "$DATA/civicgraph-$N-s$SEED.ttl" ;;
    ocds) echo "$DATA/civicgraph-$N-s$SEED-ocds.jsonl" ;;
    csv) echo "$DATA/civicgraph-$N-s$SEED-procurements.csv" ;;
  esac
}
gen_format() {
  case $1 in
    csv) echo csv:procurement ;;
    *) echo "$1" ;;
  esac
}
# records_of FORMAT FILE: statements (nt, ttl), releases (ocds) or rows (csv).
records_of() {
  case $1 in
    nt | ttl) echo "$N" ;;
    ocds) grep -o '{"ocid":' "$2" | wc -l ;;
    csv) grep -c '^synthetic-procurement-' "$2" ;;
  esac
}

# Generate every file afresh (seconds each): a file left by an older
# generator would not match the one the hashes in internal/generate pin.
for f in $FORMATS; do
  file=$(file_of "$f")
  "$BIN" generate --triples "$N" --seed "$SEED" --format "$(gen_format "$f")" > "$file.tmp"
  mv "$file.tmp" "$file"
done

echo "{\"kind\":\"env\",\"date\":\"$(date -u +%FT%TZ)\",\"n\":$N,\"seed\":$SEED,\"runs\":$RUNS,\"uptime\":\"$(uptime | sed 's/^ *//')\",\"nproc\":$(nproc),\"cpu\":\"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\",\"commit\":\"$COMMIT\"}" > "$OUT"

# measure LABEL CMD...: runs CMD once, sets SECS, CPU, RSS_KB; CMD's stdout
# goes to $WORK/cmd.out, its stderr to $WORK/cmd.err.
measure() {
  local t0 t1
  if [ -x /usr/bin/time ]; then
    t0=$(date +%s.%N)
    if ! /usr/bin/time -f '%M %U %S' -o "$WORK/time.txt" "$@" > "$WORK/cmd.out" 2> "$WORK/cmd.err"; then
      echo "failed: $*" >&2
      cat "$WORK/cmd.err" >&2
      exit 1
    fi
    t1=$(date +%s.%N)
    read -r RSS_KB u s < "$WORK/time.txt"
    CPU=$(echo "$u + $s" | bc -l)
  else
    t0=$(date +%s.%N)
    "$@" > "$WORK/cmd.out" 2> "$WORK/cmd.err" &
    local pid=$! h
    RSS_KB=0
    while kill -0 $pid 2>/dev/null; do
      h=$(awk '/VmHWM/{print $2}' /proc/$pid/status 2>/dev/null || echo 0)
      [ "${h:-0}" -gt "$RSS_KB" ] && RSS_KB=$h
      sleep 0.05
    done
    wait $pid
    t1=$(date +%s.%N)
    CPU=0
  fi
  SECS=$(echo "$t1 - $t0" | bc -l)
}

# median: the middle of the numbers on stdin (the lower middle for an even count).
median() { sort -g | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }

# row SYSTEM FORMAT RECORDS STATEMENTS MEDIAN RUNS TRIPLES/S STATEMENTS/S RECORDS/S RSS: a table row.
table=()
fmt='%-10s %-6s %9s %11s %8s  %-20s %10s %12s %10s %7s'
row() { table+=("$(printf "$fmt" "$@")"); }
for f in $FORMATS; do
  file=$(file_of "$f")
  records=$(records_of "$f" "$file")
  bytes=$(stat -c %s "$file")
  args=()
  [ "$f" = csv ] && args=(--format csv:procurement)
  secs_list=() rss_max=0 statements=0
  for run in $(seq "$RUNS"); do
    rm -rf "$STORE"
    measure "$BIN" import --quiet --empty --data "$STORE" "${args[@]}" "$file"
    # "imported 1 files: X statements read, Y quads in G graphs, T new terms"
    statements=$(sed -n 's/.*files: \([0-9]*\) statements read.*/\1/p' "$WORK/cmd.out")
    disk=$(du -sb "$STORE" | cut -f1)
    secs_list+=("$SECS")
    [ "$RSS_KB" -gt "$rss_max" ] && rss_max=$RSS_KB
    printf '{"system":"civicgraph","kind":"import","format":"%s","run":%d,"n":%d,"file_bytes":%d,"records":%d,"statements":%d,"seconds":%.3f,"cpu_s":%.2f,"peak_rss_mb":%d,"disk_bytes":%d,"loadavg_1m":%s}\n' \
      "$f" "$run" "$N" "$bytes" "$records" "$statements" "$SECS" "$CPU" $((RSS_KB / 1024)) "$disk" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT"
  done
  rm -rf "$STORE"
  med=$(printf '%s\n' "${secs_list[@]}" | median)
  line=$(printf '{"system":"civicgraph","kind":"import_summary","format":"%s","n":%d,"records":%d,"statements":%d,"median_s":%.3f,"runs_s":"%s","triples_per_s":%.0f,"statements_per_s":%.0f,"records_per_s":%.0f,"peak_rss_mb":%d}' \
    "$f" "$N" "$records" "$statements" "$med" "$(printf '%.2f ' "${secs_list[@]}" | sed 's/ $//')" \
    "$(echo "$N / $med" | bc -l)" "$(echo "$statements / $med" | bc -l)" "$(echo "$records / $med" | bc -l)" $((rss_max / 1024)))
  echo "$line" | tee -a "$OUT"
  row civicgraph "$f" "$records" "$statements" "$(printf %.2f "$med")" "$(printf '%.2f ' "${secs_list[@]}")" \
    "$(printf %.0f "$(echo "$N / $med" | bc -l)")" "$(printf %.0f "$(echo "$statements / $med" | bc -l)")" \
    "$(printf %.0f "$(echo "$records / $med" | bc -l)")" $((rss_max / 1024))
done

# The parser peer: rapper counting the Turtle file's triples, no store.
# (rapper 2.0.15's N-Triples parser returns 0 triples for a file that starts
# with a comment line, as the generated one does, so N-Triples has no peer.)
if command -v rapper > /dev/null && [[ " $FORMATS " == *" ttl "* ]]; then
  file=$(file_of ttl)
  secs_list=() rss_max=0
  for run in $(seq "$RUNS"); do
    measure rapper -i turtle -c "$file"
    count=$(sed -n 's/.*returned \([0-9]*\) triples.*/\1/p' "$WORK/cmd.err")
    if [ "$count" != "$N" ]; then
      echo "rapper counted $count triples in $file, want $N" >&2
      exit 1
    fi
    secs_list+=("$SECS")
    [ "$RSS_KB" -gt "$rss_max" ] && rss_max=$RSS_KB
  done
  med=$(printf '%s\n' "${secs_list[@]}" | median)
  line=$(printf '{"system":"rapper","kind":"parse_summary","format":"ttl","version":"%s","n":%d,"median_s":%.3f,"runs_s":"%s","triples_per_s":%.0f,"peak_rss_mb":%d}' \
    "$(rapper --version)" "$N" "$med" "$(printf '%.2f ' "${secs_list[@]}" | sed 's/ $//')" "$(echo "$N / $med" | bc -l)" $((rss_max / 1024)))
  echo "$line" | tee -a "$OUT"
  row rapper ttl "$N" "$N" "$(printf %.2f "$med")" "$(printf '%.2f ' "${secs_list[@]}")" \
    "$(printf %.0f "$(echo "$N / $med" | bc -l)")" - - $((rss_max / 1024))
else
  echo "rapper not found or ttl not measured: no parser peer (apt-get install raptor2-utils)" >&2
fi
echo "{\"kind\":\"env_end\",\"date\":\"$(date -u +%FT%TZ)\",\"uptime\":\"$(uptime | sed 's/^ *//')\"}" >> "$OUT"

echo
echo "== N=$N seed=$SEED commit $COMMIT, median of $RUNS runs; $(uptime | sed 's/^ *//')"
printf "$fmt\n" system format records statements median runs triples/s statements/s records/s rss_MB
printf '%s\n' "${table[@]}"
echo "results: $OUT"
