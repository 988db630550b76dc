#!/usr/bin/env bash
# Virtuoso 7 (Debian virtuoso-opensource-7-bin) on the comparison benchmark's data: a bulk load of
# the generated file, then the SPARQL GROUP BYs that give the figures of the phase+sector matrix of
# BenchmarkCompare (procurements per administration; engagements and procurements covered per
# administration and lifecycle phase; engagements per administration and stakeholder sector), each
# timed over HTTP 6 times (report the median of the last 5). See BENCHMARKS.md.
#
# Usage: bash bench/compare-virtuoso.sh WORKDIR
#   WORKDIR/data/input.nt must hold
#   civicgraph generate --administrations 1000 --procurements 100000 --engagements 500000 --format nt
# Env: VIRTUOSO_PORT (1112), VIRTUOSO_HTTP_PORT (8891). Output: timings on stdout, answers in WORKDIR.
set -euo pipefail
WORK=${1:?usage: compare-virtuoso.sh WORKDIR}
VPORT=${VIRTUOSO_PORT:-1112}; VHTTP=${VIRTUOSO_HTTP_PORT:-8891}
DB=$WORK/db; VDATA=$WORK/data; GRAPH=https://w3id.org/civicgraph/graph/illustrative
rm -rf "$DB"; mkdir -p "$DB"
cat > $DB/virtuoso.ini <<INI
[Database]
DatabaseFile = $DB/virtuoso.db
ErrorLogFile = $DB/virtuoso.log
LockFile = $DB/virtuoso.lck
TransactionFile = $DB/virtuoso.trx
xa_persistent_file = $DB/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = $DB/virtuoso-temp.db
TransactionFile = $DB/virtuoso-temp.trx
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
DirsAllowed = ., $VDATA, $DB
MaxQueryMem = 2G
VectorSize = 1000
AdjustVectorSize = 0
MaxVectorSize = 1000000
[HTTPServer]
ServerPort = 127.0.0.1:$VHTTP
ServerRoot = $DB
MaxClientConnections = 5
ServerThreads = 5
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 300
DefaultGraph = $GRAPH
INI
virtuoso-t +configfile $DB/virtuoso.ini +wait
grep -o 'pid [0-9]*' $DB/virtuoso.log | tail -1 | cut -d' ' -f2 > $WORK/pid
echo "load start $(date +%T) loadavg $(cut -d' ' -f1 /proc/loadavg)"
t0=$(date +%s.%N)
isql-vt $VPORT dba dba exec="ld_dir('$VDATA', 'input.nt', '$GRAPH'); rdf_loader_run(); checkpoint;" >/dev/null
t1=$(date +%s.%N)
echo "load done $(date +%T): $(awk -v a=$t0 -v b=$t1 'BEGIN{printf "%.1f", b-a}') s"
P='PREFIX cg: <https://w3id.org/civicgraph/ns#> PREFIX lc: <https://w3id.org/civicgraph/concept/lifecycle/> '
PH='VALUES (?st ?phase) { (lc:problem-framing lc:purpose) (lc:needs-assessment lc:purpose) (lc:market-engagement lc:purpose) (lc:specification lc:delivery) (lc:tendering lc:delivery) (lc:award lc:delivery) (lc:contracting lc:delivery) (lc:deployment lc:delivery) (lc:monitoring lc:impact) (lc:evaluation lc:impact) (lc:decommissioning lc:impact) }'
declare -A Q
Q[procurements]="$P SELECT ?admin (COUNT(?p) AS ?n) WHERE { ?p a cg:Procurement ; cg:buyer ?admin } GROUP BY ?admin"
Q[phase]="$P SELECT ?admin ?phase (COUNT(?e) AS ?engagements) (COUNT(DISTINCT ?p) AS ?covered) WHERE { ?e cg:procurement ?p . ?p cg:buyer ?admin . ?e cg:stage ?st . $PH } GROUP BY ?admin ?phase"
Q[sector]="$P SELECT ?admin ?sector (COUNT(?e) AS ?n) WHERE { ?e cg:procurement ?p . ?p cg:buyer ?admin . ?e cg:actor ?a . ?a cg:sector ?sector } GROUP BY ?admin ?sector"
for name in procurements phase sector; do
  times=()
  for i in 1 2 3 4 5 6; do
    times+=("$(curl -s -o $WORK/$name.json -w '%{time_total}' -G "http://127.0.0.1:$VHTTP/sparql" -H 'Accept: application/sparql-results+json' --data-urlencode "query=${Q[$name]}")")
  done
  rows=$(jq '.results.bindings | length' $WORK/$name.json)
  echo "$name: rows $rows times ${times[*]} loadavg $(cut -d' ' -f1 /proc/loadavg)"
done
isql-vt $VPORT dba dba exec='shutdown;' >/dev/null 2>&1 || true
