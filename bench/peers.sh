#!/usr/bin/env bash
# Side-by-side peers for civicgraph's benchmarks, run on one generated N-Triples file:
#
#   - Virtuoso 7 (Debian virtuoso-opensource-7-bin), loopback only: bulk load with
#     ld_dir + rdf_loader_run + checkpoint, then SPARQL over HTTP (median of 10 after 2 warm-ups);
#   - Oxigraph (npm oxigraph, WASM, in memory) through bench/oxigraph.mjs: load, the same
#     queries in process (median of 10 after 1 warm-up), peak RSS.
#
# The file and the queries come from bench/gen (civicgraph/internal/generate), so every peer
# answers the same queries on the same bytes; the expected row counts travel with the queries
# and are checked here. Results are JSON lines in bench/work/results/peers-N.json.
#
# Usage: bash bench/peers.sh [N=1000000]
# Env:   SEED (1), RUNS (10), VIRTUOSO_PORT (1111), VIRTUOSO_HTTP_PORT (8890), SKIP_VIRTUOSO=1, SKIP_OXIGRAPH=1
# Needs: go, node >= 20, curl, jq; installs virtuoso-opensource-7-bin (apt) and oxigraph@0.5.11 (npm) if missing.
set -euo pipefail

N=${1:-1000000}
SEED=${SEED:-1}
RUNS=${RUNS:-10}
VPORT=${VIRTUOSO_PORT:-1111}
VHTTP=${VIRTUOSO_HTTP_PORT:-8890}
OXIGRAPH_VERSION=0.5.11

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
WORK=$BENCH/work
DATA=$WORK/data
RES=$WORK/results
OUT=$RES/peers-$N.json
mkdir -p "$DATA" "$RES"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# emit KEY=JSON... appends one JSON object (built by jq from --arg/--argjson pairs) to $OUT
emit() { jq -cn "$@" >> "$OUT"; }

# ---------------------------------------------------------------- input
F=$DATA/civicgraph-$N-s$SEED.nt
Q=$DATA/queries-$N-s$SEED.json
if [ ! -s "$F" ]; then
  log "generating $N triples (seed $SEED) into $F"
  # Prefer the real subcommand once it exists; bench/gen writes the same bytes.
  if (cd "$ROOT" && go run ./cmd/civicgraph generate --triples 1 --seed "$SEED" >/dev/null 2>&1); then
    (cd "$ROOT" && go run ./cmd/civicgraph generate --triples "$N" --seed "$SEED" --format nt) > "$F.tmp"
  else
    (cd "$ROOT" && go run ./bench/gen -triples "$N" -seed "$SEED" -format nt) > "$F.tmp"
  fi
  mv "$F.tmp" "$F"
fi
(cd "$ROOT" && go run ./bench/gen -triples "$N" -seed "$SEED" -queries) > "$Q"
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
virtuoso_bench() {
  if ! command -v virtuoso-t >/dev/null || ! command -v isql-vt >/dev/null; then
    log "installing virtuoso-opensource-7-bin"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource-7-bin >/dev/null
  fi
  local db=$WORK/virtuoso-db vdata=$WORK/virtuoso-data
  rm -rf "$db" "$vdata"; mkdir -p "$db" "$vdata"
  # ld_dir registers files by name in DB.DBA.load_list, so it reads a folder holding only this file.
  ln "$F" "$vdata/input.nt" 2>/dev/null || cp "$F" "$vdata/input.nt"
  # Loopback only, no VADs. ~2.6 GB of buffers (8 KiB pages) as Virtuoso's docs suggest for a
  # box with this much RAM; DirsAllowed must list the folder ld_dir reads from.
  cat > "$db/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $db/virtuoso.db
ErrorLogFile = $db/virtuoso.log
LockFile = $db/virtuoso.lck
TransactionFile = $db/virtuoso.trx
xa_persistent_file = $db/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $db/virtuoso-temp.db
TransactionFile = $db/virtuoso-temp.trx
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
DirsAllowed = ., $vdata, $db
ThreadCleanupInterval = 0
ResourcesCleanupInterval = 0
MaxQueryMem = 2G
VectorSize = 1000
AdjustVectorSize = 0
MaxVectorSize = 1000000

[HTTPServer]
ServerPort = 127.0.0.1:$VHTTP
ServerRoot = $db
MaxClientConnections = 5
ServerThreads = 5

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 120
DefaultGraph = $GRAPH
EOF

  virtuoso-t +configfile "$db/virtuoso.ini" +wait
  local pid
  pid=$(grep -o 'pid [0-9]*' "$db/virtuoso.log" | tail -1 | cut -d' ' -f2)
  log "virtuoso pid $pid"
  # shellcheck disable=SC2064
  trap "isql-vt $VPORT dba dba exec='shutdown;' >/dev/null 2>&1 || kill $pid 2>/dev/null || true" EXIT
  local isql=(isql-vt "$VPORT" dba dba)

  local la t0 t1
  la=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s.%N)
  "${isql[@]}" exec="ld_dir('$vdata', 'input.nt', '$GRAPH'); rdf_loader_run(); checkpoint;" >/dev/null
  t1=$(date +%s.%N)
  local state
  state=$("${isql[@]}" exec="select ll_state, ll_error from DB.DBA.load_list;" | grep -E '^ *[0-9] ' || true)
  echo "$state" | grep -qE '^ *2 +NULL' || { echo "peers.sh: virtuoso load_list: $state" >&2; exit 1; }
  local count
  count=$(curl -s -G "http://127.0.0.1:$VHTTP/sparql" -H 'Accept: application/sparql-results+json' \
    --data-urlencode "query=SELECT (COUNT(*) AS ?n) FROM <$GRAPH> WHERE { ?s ?p ?o }" | jq -r '.results.bindings[0].n.value')
  local secs
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')
  emit --argjson n "$N" --argjson secs "$secs" --argjson count "$count" \
    --argjson tps "$(awk -v n="$N" -v s="$secs" 'BEGIN{printf "%d", n/s}')" \
    --argjson db_bytes "$(stat -c %s "$db/virtuoso.db")" \
    --argjson rss_mb "$(awk '/VmHWM/{printf "%d", $2/1024}' "/proc/$pid/status")" \
    --arg version "$(virtuoso-t -? 2>&1 | awk '/^Version/{print $2}')" --arg loadavg "$la" \
    '{peer:"virtuoso",version:$version,kind:"load",n:$n,method:"ld_dir+rdf_loader_run+checkpoint",seconds:$secs,triples_per_s:$tps,triples_in_store:$count,db_bytes:$db_bytes,peak_rss_mb:$rss_mb,loadavg_1m:$loadavg}'
  log "virtuoso: loaded $count triples in $secs s"

  local name sparql expect expect_value times rows value
  while IFS=$'\t' read -r name expect expect_value sparql; do
    times=()
    for i in $(seq $((RUNS + 2))); do
      times+=("$(curl -s -o "$WORK/vq.json" -w '%{time_total}' -G "http://127.0.0.1:$VHTTP/sparql" \
        -H 'Accept: application/sparql-results+json' --data-urlencode "query=$sparql")")
    done
    rows=$(jq '.results.bindings | length' "$WORK/vq.json")
    value=$(jq -c 'if (.results.bindings|length)==1 and (.head.vars|length)==1 then (.results.bindings[0][.head.vars[0]].value|tonumber? // null) else null end' "$WORK/vq.json")
    local med
    med=$(printf '%s\n' "${times[@]:2}" | sort -g | awk '{a[NR]=$1} END{printf "%.3f", a[int((NR+1)/2)]*1000}')
    emit --arg name "$name" --argjson n "$N" --argjson med "$med" --argjson rows "$rows" --argjson expect "$expect" \
      --argjson value "$value" --argjson expect_value "$expect_value" --argjson runs "$RUNS" \
      '{peer:"virtuoso",kind:"query",n:$n,name:$name,median_ms:$med,runs:$runs,rows:$rows,expect_rows:$expect,value:$value,expect_value:$expect_value,via:"HTTP+JSON (curl time_total)"}'
    log "virtuoso: $name median $med ms ($rows rows, expected $expect)"
  done < <(jq -r '.queries[] | [.name, .expect_rows, (.expect_value // "null"), (.sparql | gsub("\n"; " "))] | @tsv' "$Q")

  "${isql[@]}" exec='shutdown;' >/dev/null 2>&1 || true
  trap - EXIT
  sleep 1
  rm -rf "$db" "$vdata"
}

# ---------------------------------------------------------------- Oxigraph (WASM)
oxigraph_bench() {
  if [ ! -f "$WORK/node_modules/oxigraph/package.json" ] ||
     [ "$(jq -r .version "$WORK/node_modules/oxigraph/package.json")" != "$OXIGRAPH_VERSION" ]; then
    log "installing oxigraph@$OXIGRAPH_VERSION into $WORK"
    [ -f "$WORK/package.json" ] || echo '{"name":"civicgraph-bench-work","private":true}' > "$WORK/package.json"
    (cd "$WORK" && npm install --no-audit --no-fund --silent "oxigraph@$OXIGRAPH_VERSION")
  fi
  log "oxigraph: loading and querying"
  node --max-old-space-size=12000 "$BENCH/oxigraph.mjs" "$F" "$Q" "$WORK" "$RUNS" >> "$OUT"
}

[ "${SKIP_VIRTUOSO:-}" = 1 ] || virtuoso_bench
[ "${SKIP_OXIGRAPH:-}" = 1 ] || oxigraph_bench

emit --arg loadavg "$(cut -d' ' -f1-3 /proc/loadavg)" '{kind:"env",loadavg_end:$loadavg}'
# Answers that disagree with the generator's (rows, or the number a count returns) fail the run,
# after every result is written.
bad=$(jq -c 'select(.kind=="query" and (.rows != .expect_rows or (.expect_value != null and .value != .expect_value)))' "$OUT")
if [ -n "$bad" ]; then echo "peers.sh: row counts differ from the generator's:" >&2; echo "$bad" >&2; exit 1; fi
log "results in $OUT"
jq -r '(select(.kind=="load") | "\(.peer) load: \(.triples_per_s) triples/s (\(.seconds) s), peak RSS \(.peak_rss_mb) MB"),
       (select(.kind=="query") | "\(.peer) \(.name): \(.median_ms) ms median (\(.rows) rows)")' "$OUT" >&2
