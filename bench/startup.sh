#!/usr/bin/env bash
# Measures `./lingogate up` to the first 200 from the gateway, the whole stack's resident memory
# once idle (launcher + function JVMs + Apertium pipelines), and POST /translations latency over
# 100 sequential calls. Runs on ports 3900/4900 with a throwaway data directory; stops what it starts.
# Usage: bench/startup.sh   (from the repository root, after `mvn -DskipTests package`)
set -euo pipefail
cd "$(dirname "$0")/.."
data="$(mktemp -d)"
port=3900
edge_port=4900

start=$(date +%s%N)
./lingogate up --port $port --edge-port $edge_port --data-dir "$data" >"$data/up.log" 2>&1 &
launcher=$!
trap 'kill $launcher 2>/dev/null; wait $launcher 2>/dev/null; rm -rf "$data"' EXIT

for _ in $(seq 1 600); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/languages" || true)" = 200 ]; then
    break
  fi
  sleep 0.05
done
first=$(date +%s%N)
printf 'up to first 200 (GET /languages): %.2f s\n' "$(echo "($first - $start) / 1000000000" | bc -l)"

sleep 5
descendants() {
  local child
  for child in $(pgrep -P "$1" || true); do
    echo "$child"
    descendants "$child"
  done
}
pids="$launcher $(descendants $launcher | tr '\n' ' ')"
rss_kb=0
for pid in $pids; do
  rss_kb=$((rss_kb + $(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)))
done
printf 'idle RSS of the whole stack: %d MiB over %d processes\n' $((rss_kb / 1024)) "$(echo $pids | wc -w)"

java -cp bench/target/classes dev.lingogate.bench.SequentialLatency "http://127.0.0.1:$port" 100 \
  ../shared/corpus/en-sentences.txt
