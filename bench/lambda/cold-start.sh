#!/bin/sh
# Cold start of the echo function, JVM start to handler ready, as the host reports it in the Init
# Duration of an environment's first REPORT line: the stack is started RUNS+1 times on one data
# directory, each time invoked once through the gateway and stopped. The first start has no class
# data archive yet (its environment writes it as it stops); the median is over the RUNS after it.
#
#   bench/lambda/cold-start.sh [LAUNCHER_CLASSPATH] [RUNS]
set -eu
launcher=${1:-stack/target/lingogate.jar}
runs=${2:-10}
gateway_port=${GATEWAY_PORT:-3300}
edge_port=${EDGE_PORT:-4866}
data=$(mktemp -d /tmp/lingogate-bench-cold.XXXXXX)
runtime_client=$(dirname "${launcher##*:}")/runtime-client
trap 'rm -rf "$data"' EXIT

for run in $(seq 0 "$runs"); do
    java -Dlingogate.runtimeClientDir="$runtime_client" -cp "$launcher" dev.lingogate.stack.Lingogate up \
        --template bench/lambda/template.yaml --data-dir "$data" --port "$gateway_port" --edge-port "$edge_port" \
        >"$data/up.log" 2>&1 &
    up=$!
    until grep -q "Lingogate is up" "$data/up.log"; do
        kill -0 $up 2>/dev/null || { cat "$data/up.log"; exit 1; }
        sleep 0.2
    done
    curl -s -o /dev/null -H 'Content-Type: application/json' -d '{}' "http://127.0.0.1:$gateway_port/echo"
    kill $up
    wait $up || true
    init=$(grep '^REPORT ' "$data/logs/echo.log" | grep -o 'Init Duration: [0-9.]*' | tail -1 | cut -d' ' -f3)
    if [ "$run" = 0 ]; then
        echo "run 0 (writes the class data archive): Init Duration $init ms"
    else
        echo "$init" >>"$data/inits"
    fi
done
sort -n "$data/inits" | awk '{v[NR]=$1} END {printf "Init Duration over %d runs: median %.1f ms, min %.1f ms, max %.1f ms\n", NR, (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2), v[1], v[NR]}'
