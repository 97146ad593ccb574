#!/usr/bin/env bash
# DynamoDB side by side: Lingogate's edge (DynamoDB on SQLite, fsync at every commit) and dynalite
# (LevelDB, no fsync), each started here on 127.0.0.1 with its data on disk, loaded in turn by the
# same driver (bench/src/main/java/dev/lingogate/bench/dynamodb/DynamoDbLoad.java): 20,000 PutItem
# of ~300-byte items, 20,000 GetItem, 2,000 Query of 10 items, at concurrency 1 and 16. Each server
# is loaded RUNS times in alternation (edge, dynalite, edge, dynalite, ...) so that both see the same
# machine, and its resident memory is shown before and after every run: it should not grow.
#
# Usage (from anywhere):  bench/dynamodb/run.sh
#   RUNS=2                how many times each server is loaded
#   PUTS GETS QUERIES     counts (20000 20000 2000)
#   CONCURRENCY=1,16      client threads, comma-separated
#   SKIP_BUILD=1          use the classes already built
#   EDGE_CLASSPATH=...    run the edge from these classes instead (another build, a copy)
# dynalite is installed once with npm into bench/dynamodb/node_modules (not committed).
set -euo pipefail
cd "$(dirname "$0")/../.."
here=bench/dynamodb
runs=${RUNS:-2}
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q -pl dynamodb test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/$here/.edge.classpath" >&2
  mvn -B -q -pl bench package -DskipTests dependency:build-classpath -Dmdep.outputFile="$PWD/$here/.driver.classpath" >&2
fi
if [ ! -x "$here/node_modules/.bin/dynalite" ]; then
  npm install --no-save --no-audit --no-fund --prefix "$here" dynalite >&2
fi

wait_for_port() { # port, what
  for _ in $(seq 1 600); do
    if curl -s -o /dev/null "http://127.0.0.1:$1/"; then return 0; fi
    sleep 0.1
  done
  echo "$2 did not listen on port $1" >&2
  exit 1
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

edge_port=$(free_port)
java -cp "${EDGE_CLASSPATH:-dynamodb/target/test-classes:dynamodb/target/classes:$(cat $here/.edge.classpath)}" \
  dev.lingogate.dynamodb.StandaloneEdge "$work/edge" "$edge_port" >"$work/edge.log" 2>&1 &
edge_pid=$!
pids+=("$edge_pid")

dynalite_port=$(free_port)
node "$here/node_modules/dynalite/cli.js" --host 127.0.0.1 --port "$dynalite_port" --path "$work/dynalite" \
  --createTableMs 0 --deleteTableMs 0 >"$work/dynalite.log" 2>&1 &
dynalite_pid=$!
pids+=("$dynalite_pid")

wait_for_port "$edge_port" "the edge"
wait_for_port "$dynalite_port" "dynalite"

driver() { # endpoint label pid access-key secret-key
  java -Dputs="${PUTS:-20000}" -Dgets="${GETS:-20000}" -Dqueries="${QUERIES:-2000}" \
    -Dconcurrency="${CONCURRENCY:-1,16}" -Daccess.key="$4" -Dsecret.key="$5" \
    -cp "bench/target/classes:$(cat $here/.driver.classpath)" dev.lingogate.bench.dynamodb.DynamoDbLoad "$1" "$2" "$3"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
echo
for run in $(seq 1 "$runs"); do
  driver "http://127.0.0.1:$edge_port" "Lingogate edge (run $run)" "$edge_pid" AKIDTEST test-secret | tee -a "$work/out"
  driver "http://127.0.0.1:$dynalite_port" "dynalite (run $run)" "$dynalite_pid" anything anything | tee -a "$work/out"
done >&2
echo "| server | operation | concurrency | requests | ops/s | p50 ms | p99 ms |"
echo "|---|---|---:|---:|---:|---:|---:|"
grep '^|' "$work/out"
echo
grep '^memory' "$work/out"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
