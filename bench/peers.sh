#!/usr/bin/env bash
# Side-by-side peers for civicgraph's benchmarks, run on one generated N-Triples file:
#
#   - Virtuoso 7 (Debian virtuoso-opensource-7-bin), loopback only: bulk load with
#     ld_dir + rdf_loader_run + checkpoint into a fresh database, then SPARQL over HTTP
#     (median of RUNS after 2 warm-ups);
#   - Oxigraph (npm oxigraph, WASM, in memory) through bench/oxigraph.mjs: load (default and
#     no_transaction+lenient), the same queries in process (median of RUNS after 1 warm-up),
#     peak RSS.
#
# The file and the queries come from civicgraph/internal/generate (the file through
# `civicgraph generate`, the queries through bench/gen), so every peer answers the same queries
# on the same bytes; the expected answers travel with the queries and are checked here.
# Results are JSON lines in bench/work/results/peers-N.json, ending with one load_summary line
# per peer and load method (median of LOAD_RUNS loads, each into a fresh store).
#
# The machine is shared: each load record carries the 1-minute load average and the CPU
# seconds the peer used, which are steadier than wall time when others are busy.
#
# Usage: bash bench/peers.sh [N=1000000]
# Env:   SEED (1), RUNS (10 timed runs per query), LOAD_RUNS (3), VIRTUOSO_PORT (1111),
#        VIRTUOSO_HTTP_PORT (8890), SKIP_VIRTUOSO=1, SKIP_OXIGRAPH=1
# Needs: go, node >= 20, curl, jq; installs virtuoso-opensource-7-bin (apt) and oxigraph@0.5.11
#        (npm, into bench/work) if missing.
set -euo pipefail

N=${1:-1000000}
SEED=${SEED:-1}
RUNS=${RUNS:-10}
LOAD_RUNS=${LOAD_RUNS:-3}
VPORT=${VIRTUOSO_PORT:-1111}
VHTTP=${VIRTUOSO_HTTP_PORT:-8890}
OXIGRAPH_VERSION=0.5.11
BASE=https://w3id.org/civicgraph/id/

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
WORK=$BENCH/work
DATA=$WORK/data
RES=$WORK/results
OUT=$RES/peers-$N.json
mkdir -p "$DATA" "$RES"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# emit ARGS... appends one JSON object, built by jq -n ARGS, to $OUT.
emit() { jq -cn "$@" >> "$OUT"; }
loadavg1() { cut -d' ' -f1 /proc/loadavg; }
# cpu_seconds PID: the user+system CPU time the process has used, in seconds.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14+$15)/hz}' "/proc/$1/stat"; }

# ---------------------------------------------------------------- input
F=$DATA/civicgraph-$N-s$SEED.nt
Q=$DATA/queries-$N-s$SEED.json
# Always generated afresh (a second per million triples): a file kept from an older generator
# would not match the queries.
log "generating $N triples (seed $SEED) into $F"
# Prefer the real subcommand; bench/gen writes the same bytes when it does not exist.
if (cd "$ROOT" && go run ./cmd/civicgraph generate --triples 1 --seed "$SEED" >/dev/null 2>&1); then
  (cd "$ROOT" && go run ./cmd/civicgraph generate --triples "$N" --seed "$SEED" --format nt --base "$BASE") > "$F.tmp"
else
  (cd "$ROOT" && go run ./bench/gen -triples "$N" -seed "$SEED" -format nt -base "$BASE") > "$F.tmp"
fi
mv "$F.tmp" "$F"
(cd "$ROOT" && go run ./bench/gen -triples "$N" -seed "$SEED" -base "$BASE" -queries) > "$Q"
GRAPH=$(jq -r .graph "$Q")
LINES=$(grep -vc '^#' "$F")
[ "$LINES" -eq "$N" ] || { echo "peers.sh: $F has $LINES statements, want $N" >&2; exit 1; }

: > "$OUT"
emit --arg date "$(date -u +%FT%TZ)" --argjson n "$N" --argjson seed "$SEED" --arg file "$F" \
  --argjson file_bytes "$(stat -c %s "$F")" --arg loadavg "$(cut -d' ' -f1-3 /proc/loadavg)" \
  --argjson nproc "$(nproc)" --arg cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')" \
  --arg commit "$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  '{kind:"env",date:$date,n:$n,seed:$seed,file:$file,file_bytes:$file_bytes,loadavg_start:$loadavg,nproc:$nproc,cpu:$cpu,commit:$commit}'

# ---------------------------------------------------------------- Virtuoso 7
# virtuoso_ini DB DATADIR writes a loopback-only config with no VADs: ~2.6 GB of buffers
# (8 KiB pages), as Virtuoso's docs suggest for a box with this much RAM; DirsAllowed must list
# the folder ld_dir reads from.
virtuoso_ini() {
  cat <<INI
[Database]
DatabaseFile = $1/virtuoso.db
ErrorLogFile = $1/virtuoso.log
LockFile = $1/virtuoso.lck
TransactionFile = $1/virtuoso.trx
xa_persistent_file = $1/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $1/virtuoso-temp.db
TransactionFile = $1/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:$VPORT
LiteMode = 0
DisableUnixSocket = 1
DisableTcpSocket = 0
ServerThreads = 10
CheckpointInterval = 60
NumberOfBuffers = 340000
MaxDirtyBuffers = 250000
DirsAllowed = ., $2, $1
ThreadCleanupInterval = 0
ResourcesCleanupInterval = 0
MaxQueryMem = 2G
VectorSize = 1000
AdjustVectorSize = 0
MaxVectorSize = 1000000

[HTTPServer]
ServerPort = 127.0.0.1:$VHTTP
ServerRoot = $1
MaxClientConnections = 5
ServerThreads = 5

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 120
DefaultGraph = $GRAPH
INI
}

VPID=
virtuoso_stop() {
  [ -n "$VPID" ] || return 0
  isql-vt "$VPORT" dba dba exec='shutdown;' >/dev/null 2>&1 || kill "$VPID" 2>/dev/null || true
  while kill -0 "$VPID" 2>/dev/null; do sleep 0.2; done
  VPID=
}
trap virtuoso_stop EXIT

virtuoso_bench() {
  if ! command -v virtuoso-t >/dev/null || ! command -v isql-vt >/dev/null; then
    log "installing virtuoso-opensource-7-bin"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource-7-bin >/dev/null
  fi
  local db=$WORK/virtuoso-db vdata=$WORK/virtuoso-data
  local isql=(isql-vt "$VPORT" dba dba)
  local version
  version=$( (virtuoso-t -? 2>&1 || true) | awk '/^Version/{print $2}')
  rm -rf "$vdata"; mkdir -p "$vdata"
  # ld_dir registers files by name in DB.DBA.load_list, so it reads a folder holding only this file.
  ln "$F" "$vdata/input.nt" 2>/dev/null || cp "$F" "$vdata/input.nt"

  local run la t0 t1 c0 c1 secs cpu state count
  for run in $(seq "$LOAD_RUNS"); do
    virtuoso_stop
    rm -rf "$db"; mkdir -p "$db"
    virtuoso_ini "$db" "$vdata" > "$db/virtuoso.ini"
    virtuoso-t +configfile "$db/virtuoso.ini" +wait
    VPID=$(grep -o 'pid [0-9]*' "$db/virtuoso.log" | tail -1 | cut -d' ' -f2)

    la=$(loadavg1)
    c0=$(cpu_seconds "$VPID")
    t0=$(date +%s.%N)
    "${isql[@]}" exec="ld_dir('$vdata', 'input.nt', '$GRAPH'); rdf_loader_run(); checkpoint;" >/dev/null
    t1=$(date +%s.%N)
    c1=$(cpu_seconds "$VPID")
    state=$("${isql[@]}" exec="select ll_state, ll_error from DB.DBA.load_list;" | grep -E '^ *[0-9] ' || true)
    echo "$state" | grep -qE '^ *2 +NULL' || { echo "peers.sh: virtuoso load_list: $state" >&2; exit 1; }
    count=$(curl -s -G "http://127.0.0.1:$VHTTP/sparql" -H 'Accept: application/sparql-results+json' \
      --data-urlencode "query=SELECT (COUNT(*) AS ?n) FROM <$GRAPH> WHERE { ?s ?p ?o }" | jq -r '.results.bindings[0].n.value')
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')
    cpu=$(awk -v a="$c0" -v b="$c1" 'BEGIN{printf "%.2f", b-a}')
    emit --argjson n "$N" --argjson run "$run" --argjson secs "$secs" --argjson count "$count" \
      --argjson tps "$(awk -v n="$N" -v s="$secs" 'BEGIN{printf "%d", n/s}')" --argjson cpu "$cpu" \
      --argjson db_bytes "$(stat -c %s "$db/virtuoso.db")" \
      --argjson rss_mb "$(awk '/VmHWM/{printf "%d", $2/1024}' "/proc/$VPID/status")" \
      --arg version "$version" --argjson la "$la" --argjson la_end "$(loadavg1)" \
      '{peer:"virtuoso",version:$version,kind:"load",n:$n,run:$run,method:"ld_dir+rdf_loader_run+checkpoint",seconds:$secs,triples_per_s:$tps,cpu_seconds:$cpu,triples_in_store:$count,db_bytes:$db_bytes,peak_rss_mb:$rss_mb,loadavg_1m_start:$la,loadavg_1m_end:$la_end}'
    log "virtuoso: run $run loaded $count triples in $secs s ($cpu s CPU; load average $la)"
  done

  # The last server answers the queries.
  local name sparql expect expect_value times rows value med
  while IFS=$'\t' read -r name expect expect_value sparql; do
    times=()
    for _ in $(seq $((RUNS + 2))); do
      times+=("$(curl -s -o "$WORK/vq.json" -w '%{time_total}' -G "http://127.0.0.1:$VHTTP/sparql" \
        -H 'Accept: application/sparql-results+json' --data-urlencode "query=$sparql")")
    done
    rows=$(jq '.results.bindings | length' "$WORK/vq.json")
    value=$(jq -c 'if (.results.bindings|length)==1 and (.head.vars|length)==1 then (.results.bindings[0][.head.vars[0]].value|tonumber? // null) else null end' "$WORK/vq.json")
    med=$(printf '%s\n' "${times[@]:2}" | sort -g | awk '{a[NR]=$1} END{printf "%.3f", a[int((NR+1)/2)]*1000}')
    emit --arg name "$name" --argjson n "$N" --argjson med "$med" --argjson rows "$rows" --argjson expect "$expect" \
      --argjson value "$value" --argjson expect_value "$expect_value" --argjson runs "$RUNS" --argjson la "$(loadavg1)" \
      '{peer:"virtuoso",kind:"query",n:$n,name:$name,median_ms:$med,runs:$runs,rows:$rows,expect_rows:$expect,value:$value,expect_value:$expect_value,via:"HTTP+JSON (curl time_total)",loadavg_1m:$la}'
    log "virtuoso: $name median $med ms ($rows rows, expected $expect)"
  done < <(jq -r '.queries[] | [.name, .expect_rows, (.expect_value // "null"), (.sparql | gsub("\n"; " "))] | @tsv' "$Q")
  emit --argjson rss_mb "$(awk '/VmHWM/{printf "%d", $2/1024}' "/proc/$VPID/status")" --arg version "$version" \
    '{peer:"virtuoso",version:$version,kind:"memory",peak_rss_mb:$rss_mb,after:"load and queries"}'

  virtuoso_stop
  rm -rf "$db" "$vdata" "$WORK/vq.json"
}

# ---------------------------------------------------------------- Oxigraph (WASM)
oxigraph_bench() {
  if [ ! -f "$WORK/node_modules/oxigraph/package.json" ] ||
     [ "$(jq -r .version "$WORK/node_modules/oxigraph/package.json")" != "$OXIGRAPH_VERSION" ]; then
    log "installing oxigraph@$OXIGRAPH_VERSION into $WORK"
    [ -f "$WORK/package.json" ] || echo '{"name":"civicgraph-bench-work","private":true}' > "$WORK/package.json"
    (cd "$WORK" && npm install --no-audit --no-fund --silent "oxigraph@$OXIGRAPH_VERSION")
  fi
  # Each load runs in a fresh node process, so that one load's WASM heap does not help the next;
  # the queries run in one more process, after its own (timed) load.
  local run mode
  for run in $(seq "$LOAD_RUNS"); do
    for mode in load load-bulk; do
      log "oxigraph: run $run, $mode"
      node --max-old-space-size=12000 "$BENCH/oxigraph.mjs" "$F" "$Q" "$WORK" "$RUNS" "$mode" "$run" >> "$OUT"
    done
  done
  log "oxigraph: queries"
  node --max-old-space-size=12000 "$BENCH/oxigraph.mjs" "$F" "$Q" "$WORK" "$RUNS" queries 0 >> "$OUT"
}

[ "${SKIP_VIRTUOSO:-}" = 1 ] || virtuoso_bench
[ "${SKIP_OXIGRAPH:-}" = 1 ] || oxigraph_bench

# One summary line per peer and load method: the median of the runs (the queries run's load
# in Oxigraph is not counted, it is run 0).
jq -sc 'map(select(.kind=="load" and .run > 0)) | group_by([.peer, .method])[] |
  (map(.triples_per_s) | sort) as $t | (map(.cpu_seconds) | sort) as $c |
  {kind:"load_summary", peer:.[0].peer, method:.[0].method, n:.[0].n, runs:length,
   median_triples_per_s:$t[(length-1)/2|floor], best_triples_per_s:$t[-1],
   median_cpu_seconds:$c[(length-1)/2|floor], peak_rss_mb:(map(.peak_rss_mb)|max)}' "$OUT" > "$OUT.tmp"
cat "$OUT.tmp" >> "$OUT"; rm -f "$OUT.tmp"
emit --arg loadavg "$(cut -d' ' -f1-3 /proc/loadavg)" '{kind:"env",loadavg_end:$loadavg}'

log "results in $OUT"
jq -r '(select(.kind=="load_summary") | "\(.peer) load (\(.method)): median \(.median_triples_per_s) triples/s over \(.runs) runs (best \(.best_triples_per_s)), \(.median_cpu_seconds) CPU s, peak RSS \(.peak_rss_mb) MB"),
       (select(.kind=="query") | "\(.peer) \(.name): \(.median_ms) ms median (\(.rows) rows)"),
       (select(.kind=="memory") | "\(.peer) peak RSS \(.peak_rss_mb) MB (\(.after))")' "$OUT" >&2

# Answers that disagree with the generator's (rows, or the number a count returns) fail the run,
# after every result is written.
bad=$(jq -c 'select(.kind=="query" and (.rows != .expect_rows or (.expect_value != null and .value != .expect_value)))' "$OUT")
if [ -n "$bad" ]; then echo "peers.sh: answers differ from the generator's:" >&2; echo "$bad" >&2; exit 1; fi
