#!/bin/sh
# Warm invokes of a trivial echo function, through the Lambda Invoke API and through the gateway, at
# concurrency 1 and 16: first with wrk (the Invoke request signed once by the AWS SDK's SigV4 signer,
# see SignedInvokeScript), then with Java callers (WarmInvokeLoad: the SDK's LambdaClient, signing
# every call, and the JDK's HTTP client), whose own cost on a 2-core machine weighs in their figures.
#
#   bench/lambda/warm.sh [LAUNCHER_CLASSPATH] [SECONDS]
#
# LAUNCHER_CLASSPATH defaults to stack/target/lingogate.jar; put lambda/target/classes before it to
# measure a function host not yet packaged into the launcher. Run from the repository root after
# mvn -pl bench package (the echo function's code is the bench jar).
set -eu
launcher=${1:-stack/target/lingogate.jar}
seconds=${2:-10}
gateway_port=${GATEWAY_PORT:-3300}
edge_port=${EDGE_PORT:-4866}
data=$(mktemp -d /tmp/lingogate-bench-lambda.XXXXXX)
runtime_client=$(dirname "${launcher##*:}")/runtime-client

mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile="$data/bench.cp" >/dev/null
driver="java -cp bench/target/classes:$(cat "$data/bench.cp") dev.lingogate.bench.lambda.WarmInvokeLoad"

java -Dlingogate.runtimeClientDir="$runtime_client" -cp "$launcher" dev.lingogate.stack.Lingogate up \
    --template bench/lambda/template.yaml --data-dir "$data" --port "$gateway_port" --edge-port "$edge_port" \
    >"$data/up.log" 2>&1 &
up=$!
trap 'kill $up; wait $up 2>/dev/null || true; rm -rf "$data"' EXIT
until grep -q "Lingogate is up" "$data/up.log"; do
    kill -0 $up 2>/dev/null || { cat "$data/up.log"; exit 1; }
    sleep 0.5
done
grep "Lingogate is up" "$data/up.log"

body='{"text":"Bonjour tout le monde","source":"fr","target":"en"}'
printf 'wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = "application/json"\n' "'$body'" >"$data/gateway.lua"
java -cp "bench/target/classes:$(cat "$data/bench.cp")" dev.lingogate.bench.lambda.SignedInvokeScript \
    "http://127.0.0.1:$edge_port" echo "$body" >"$data/invoke.lua"
url_of() {
    if [ "$1" = invoke ]; then echo "http://127.0.0.1:$edge_port/"; else echo "http://127.0.0.1:$gateway_port/echo"; fi
}
# Unmeasured, both paths at both concurrencies, WARMUP seconds each (default 20): the path measured
# first used to pay the launcher's JIT and the start of the extra environments alone. The Invoke
# path has more code to compile (the edge, SigV4, the payload's JSON check): at load 20 on 2 cores
# its c1 p50 was 4-8x the gateway's for the first minute of load, then within 0.9-1.8x of it.
warmup=${WARMUP:-20}
for path in invoke gateway; do
    wrk -t 1 -c 16 -d "$((warmup * 3 / 4))s" -s "$data/$path.lua" "$(url_of $path)" >/dev/null
    wrk -t 1 -c 1 -d "$((warmup / 4))s" -s "$data/$path.lua" "$(url_of $path)" >/dev/null
done
echo "load before: $(uptime)"
# Each pair twice, alternating, so that a change in the machine's load shows as a change between rounds.
for connections in 1 16; do
    for round in 1 2; do
        for path in invoke gateway; do
            printf 'wrk %s, %s connection(s), round %s: ' $path "$connections" "$round"
            wrk -t 1 -c "$connections" -d "${seconds}s" --latency -s "$data/$path.lua" "$(url_of $path)" \
                | awk '/ 50%/ {p50=$2} / 99%/ {p99=$2} /Requests\/sec/ {rps=$2} /Non-2xx/ {bad=$0} END {print "p50 " p50 ", p99 " p99 ", " rps " req/s " bad}'
        done
    done
done
echo "load after wrk: $(uptime)"
for concurrency in 1 16; do
    $driver invoke "http://127.0.0.1:$edge_port" echo "$concurrency" "$seconds"
    $driver gateway "http://127.0.0.1:$gateway_port" /echo "$concurrency" "$seconds"
done
