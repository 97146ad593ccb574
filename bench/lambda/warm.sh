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
#
# The launcher runs with the JVM options the lingogate script gives it (LAUNCHER_JAVA_OPTIONS to
# change them). At 16 connections through the gateway the script also prints the CPU each request
# cost each process (user + system time from /proc, before and after the run): the launcher
# (gateway, function host, edge), the function's JVMs, and wrk. Those figures hold when the machine
# is busy; requests per second do not.
set -eu
launcher=${1:-stack/target/lingogate.jar}
seconds=${2:-10}
gateway_port=${GATEWAY_PORT:-3300}
edge_port=${EDGE_PORT:-4866}
data=$(mktemp -d /tmp/lingogate-bench-lambda.XXXXXX)
runtime_client=$(dirname "${launcher##*:}")/runtime-client

mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile="$data/bench.cp" >/dev/null
driver="java -cp bench/target/classes:$(cat "$data/bench.cp") dev.lingogate.bench.lambda.WarmInvokeLoad"

# shellcheck disable=SC2086 # the options are words
java ${LAUNCHER_JAVA_OPTIONS:--XX:+UseSerialGC -Xss512k} -Dlingogate.runtimeClientDir="$runtime_client" -cp "$launcher" \
    dev.lingogate.stack.Lingogate up --template bench/lambda/template.yaml --data-dir "$data" \
    --port "$gateway_port" --edge-port "$edge_port" --metrics-port 0 >"$data/up.log" 2>&1 &
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
# User + system clock ticks of the launcher, of its function JVMs together (the launcher's only
# children: the echo function translates nothing, so no Apertium runs), and of this shell's finished
# children (wrk), one line.
cpu_ticks() {
    functions=0
    for pid in $(pgrep -P "$up"); do
        functions=$((functions + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    echo "$(awk '{print $14 + $15}' "/proc/$up/stat") $functions $(awk '{print $16 + $17}' /proc/$$/stat)"
}
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
            before=$(cpu_ticks)
            wrk -t 1 -c "$connections" -d "${seconds}s" --latency -s "$data/$path.lua" "$(url_of $path)" >"$data/wrk.out"
            after=$(cpu_ticks)
            # Issue 4's goals: p50 at most 2 ms through the gateway; 5,000 req/s at 16 connections.
            awk -v c="$connections" '/ 50%/ {p50=$2} / 99%/ {p99=$2} /Requests\/sec/ {rps=$2} /Non-2xx/ {bad=$0} END {
                printf "p50 %s, p99 %s, %s req/s %s", p50, p99, rps, bad
                if (c == 16) printf " (%.2f of the 5,000 req/s goal)", rps / 5000 }' "$data/wrk.out"
            if [ "$connections" = 16 ]; then
                # Ticks are hundredths of a second: ticks * 10,000 / requests is microseconds per request.
                echo "$before $after $(awk '/requests in/ {print $1}' "$data/wrk.out")" | awk '{n = $7
                    printf "; CPU per request: launcher %.0f us, function JVMs %.0f us, wrk %.0f us", ($4 - $1) * 10000 / n, ($5 - $2) * 10000 / n, ($6 - $3) * 10000 / n}'
            fi
            echo
        done
    done
done
echo "load after wrk: $(uptime)"
for concurrency in 1 16; do
    $driver invoke "http://127.0.0.1:$edge_port" echo "$concurrency" "$seconds"
    $driver gateway "http://127.0.0.1:$gateway_port" /echo "$concurrency" "$seconds"
done
