#!/usr/bin/env bash
# DynamoDB side by side: Lingogate's edge (DynamoDB on SQLite, fsync at every commit) and dynalite
# (LevelDB, no fsync), each started here on 127.0.0.1 with its data on disk, loaded in turn by the
# same driver (bench/src/main/java/dev/lingogate/bench/dynamodb/DynamoDbLoad.java): 20,000 PutItem
# of ~300-byte items, 20,000 GetItem, 2,000 Query of 10 items, at concurrency 1 and 16. Each server
# is loaded RUNS times in alternation (edge, dynalite, edge, dynalite, ...) so that both see the same
# machine, and its resident memory is shown before and after every run: it should not grow. Before
# the runs each server gets WARMUP untimed rounds at concurrency 16: the edge's JVM was still
# compiling its path during a first run (its CPU per GetItem fell 243 -> 142 -> 105 µs over three
# back-to-back runs), and a server is judged warm, as it is in service. Each row
# gives the CPU each call cost the server and the driver (from /proc), and the load average; the
# last table puts each run's edge beside the dynalite run after it: ops/s ratio and p99 ratio,
# against the goal of 5x the ops/s and a fifth of the p99.
#
# Usage (from anywhere):  bench/dynamodb/run.sh
#   RUNS=2                how many times each server is loaded
#   WARMUP=1              untimed rounds per server before the runs (0 for none)
#   DRIVER=wire           wire: requests signed before each pass, sent over keep-alive sockets (the
#                         driver takes little CPU from the servers); sdk: the AWS SDK v2 makes each call
#   PUTS GETS QUERIES     counts (20000 20000 2000)
#   CONCURRENCY=1,16      client threads, comma-separated
#   SKIP_BUILD=1          use the classes already built (by an earlier run of this script)
#   EDGE_CLASSPATH=...    run the edge from these classes instead (another build, a copy)
#   EDGE_JAVA_OPTS=...    JVM options of the edge, e.g. -Dlingogate.transport=epoll (default: io_uring
#                         where the kernel offers it, as lingogate up)
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
  # -am builds edge/ and iam/ from this checkout too (their classes, not a jar installed earlier);
  # the classpath file is written by each module in turn, dynamodb last.
  mvn -B -q -pl dynamodb -am test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/$here/.edge.classpath" >&2
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
java ${EDGE_JAVA_OPTS:-} -cp "${EDGE_CLASSPATH:-dynamodb/target/test-classes:dynamodb/target/classes:$(cat $here/.edge.classpath)}" \
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
  java -Ddriver="${DRIVER:-wire}" -Dputs="${PUTS:-20000}" -Dgets="${GETS:-20000}" -Dqueries="${QUERIES:-2000}" \
    -Dconcurrency="${CONCURRENCY:-1,16}" -Daccess.key="$4" -Dsecret.key="$5" \
    -cp "bench/target/classes:$(cat $here/.driver.classpath)" dev.lingogate.bench.dynamodb.DynamoDbLoad "$1" "$2" "$3"
}

for round in $(seq 1 "${WARMUP:-1}"); do
  echo "warm-up round $round (not counted)" >&2
  CONCURRENCY=16 driver "http://127.0.0.1:$edge_port" "edge warm-up" "$edge_pid" AKIDTEST test-secret >/dev/null
  CONCURRENCY=16 driver "http://127.0.0.1:$dynalite_port" "dynalite warm-up" "$dynalite_pid" anything anything >/dev/null
done

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
echo
for run in $(seq 1 "$runs"); do
  driver "http://127.0.0.1:$edge_port" "edge" "$edge_pid" AKIDTEST test-secret | sed "s/^| /| $run | /" | tee -a "$work/out"
  driver "http://127.0.0.1:$dynalite_port" "dynalite" "$dynalite_pid" anything anything | sed "s/^| /| $run | /" | tee -a "$work/out"
done >&2
echo "| run | server (driver) | operation | concurrency | calls | failed | ops/s | p50 ms | p99 ms | server CPU µs/call | driver CPU µs/call | load |"
echo "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
grep '^|' "$work/out"
echo
grep '^memory' "$work/out"
echo
echo "Goal: edge ops/s >= 5x dynalite's, edge p99 <= a fifth of dynalite's"
echo "| run | operation | concurrency | edge ÷ dynalite ops/s | dynalite ÷ edge p99 | server CPU µs/call, edge vs dynalite |"
echo "|---:|---|---:|---:|---:|---|"
awk -F' *[|] *' '/^[|]/ {
    key = $2 "|" $4 "|" $5
    if ($3 ~ /^edge/) { ops[key] = $8; p99[key] = $10; cpu[key] = $11; order[++n] = key }
    else { dops[key] = $8; dp99[key] = $10; dcpu[key] = $11 }
  }
  END {
    for (i = 1; i <= n; i++) {
      k = order[i]; split(k, part, "|")
      o = ops[k]; d = dops[k]; gsub(",", "", o); gsub(",", "", d)
      printf "| %s | %s | %s | %.2fx | %.2fx | %s vs %s |\n", part[1], part[2], part[3], (d > 0 ? o / d : 0),
        (p99[k] > 0 ? dp99[k] / p99[k] : 0), cpu[k], dcpu[k]
    }
  }' "$work/out"
echo
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
