#!/usr/bin/env bash
# Translation serving side by side: Lingogate's edge (TranslateText, SigV4-signed), the
# app's POST /translate through Lingogate's gateway, and Apertium APy (Debian's apertium-apy, its
# default pipelines), each sent the 1,000 sentences of ../shared/corpus/en-sentences.txt en → es one
# per request at concurrency 1, 8 and 32 in the same run; plus the engine's ceiling, `apertium -u
# eng-spa` on the whole file as one batch. Lingogate runs with its translation cache off. The driver
# is bench/src/main/java/dev/lingogate/bench/translate/TranslationLoad.java: it sends every target
# prepared requests over keep-alive connections (the edge's each signed on its own just before the
# pass), prints a markdown table, the CPU per request of each process read from /proc, and the
# issue's goals as ratios against APy and the batch measured in the same run.
#
# Usage (from anywhere):  bench/translate/run.sh
#   CONCURRENCY=1,8,32     client concurrencies, comma-separated
#   WARMUP=2000            requests per target before measuring, not counted (the sentences again
#                          and again): the edge's JVM is still compiling its path after 2,500
#   SENTENCES=...          the sentences file (default ../shared/corpus/en-sentences.txt)
#   SKIP_BUILD=1           use the bench classes already built
#   KEEP_WORK=1            keep the data directory and the logs of Lingogate and APy, and say where
#   TARGETS=edge,gateway,apy  which targets to load (the ceiling is always measured)
#   STACK_JAVA_OPTS=...    JVM options of the Lingogate launcher (the edge lives in it), e.g.
#                          -XX:StartFlightRecording=filename=/tmp/edge.jfr,settings=profile
#   UP_OPTS=...            more options for `lingogate up`, e.g. --pipelines-per-pair 1
#   CLASSES_FIRST=translate/target/classes   class directories put ahead of the launcher jar, to
#                          measure a module rebuilt since the jar was (colon-separated)
# Needs: stack/target/lingogate.jar built (mvn -B -q install -DskipTests -pl stack -am), and
# apt-get install apertium-apy. Everything it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=bench/translate
sentences="$(realpath "${SENTENCES:-../shared/corpus/en-sentences.txt}")"
work="$(mktemp -d /tmp/lingogate-bench-translate.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "${KEEP_WORK:-}" ]; then echo "logs and data kept in $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

for tool in java apertium apertium-apy curl python3; do
  command -v $tool >/dev/null || { echo "needs $tool (apt-get install apertium-apy)" >&2; exit 1; }
done
[ -f stack/target/lingogate.jar ] || { echo "needs stack/target/lingogate.jar: mvn -B -q install -DskipTests -pl stack -am" >&2; exit 1; }

if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q -pl bench package -DskipTests dependency:build-classpath -Dmdep.outputFile="$PWD/$here/.driver.classpath" >&2
fi

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for() { # url what pid
  for _ in $(seq 1 1200); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = 200 ]; then return 0; fi
    kill -0 "$3" 2>/dev/null || { echo "$2 exited; its log:" >&2; tail -20 "$work/$2.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "$2 did not answer $1" >&2
  exit 1
}

echo "machine: $(nproc) cores; at start: $(uptime)"
echo

port=$(free_port)
edge_port=$(free_port)
metrics_port=$(free_port)
# shellcheck disable=SC2086
java ${STACK_JAVA_OPTS:-} -cp "${CLASSES_FIRST:+$CLASSES_FIRST:}stack/target/lingogate.jar" dev.lingogate.stack.Lingogate \
  up --no-translation-cache ${UP_OPTS:-} --data-dir "$work/data" \
  --port "$port" --edge-port "$edge_port" --metrics-port "$metrics_port" >"$work/lingogate.log" 2>&1 &
pids+=("$!")
lingogate_pid=$!

apy_port=$(free_port)
# APy as Debian ships it, every installed mode, its own defaults for pipelines (one per pair, up
# to five requests sharing it); it writes nothing but its log here.
(cd "$work" && exec apertium-apy -p "$apy_port" /usr/share/apertium/modes) >"$work/apy.log" 2>&1 &
pids+=("$!")
apy_pid=$!

wait_for "http://127.0.0.1:$port/languages" lingogate "$lingogate_pid"
wait_for "http://127.0.0.1:$apy_port/listPairs" apy "$apy_pid"

# The driver runs C1-compiled only and with the serial collector: it shares the 2 cores with what it
# measures, and C2's compiler threads and G1's helpers would take CPU from the servers mid-pass.
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dconcurrency="${CONCURRENCY:-1,8,32}" -Dlingogate.pid="$lingogate_pid" -Dapy.pid="$apy_pid" -Dwarmup="${WARMUP:-2000}" -Dtargets="${TARGETS:-edge,gateway,apy}" \
  -cp "bench/target/classes:$(cat $here/.driver.classpath)" dev.lingogate.bench.translate.TranslationLoad \
  "$sentences" "http://127.0.0.1:$edge_port" "http://127.0.0.1:$port" "http://127.0.0.1:$apy_port"

echo
echo "at the end: $(uptime)"
