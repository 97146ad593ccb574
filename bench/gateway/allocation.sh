#!/bin/sh
# What the gateway allocates for one proxied request, and so how often its young collections stop
# it: the gateway of run.sh (bench/gateway/ProxyGateway.java, one http_proxy route, 256 MB heap,
# ParallelGC) in front of a trivial nginx backend, warmed at 16 connections, then one wrk run at 16
# measured: the bytes the event-loop threads allocated (JFR's per-thread allocation counters, read
# before and after) per request wrk counted, and the young collections of that run (-Xlog:gc) with
# their pauses. Unlike req/s and p99, these figures hold on a busy machine: they count work, not time.
#
#   bench/gateway/allocation.sh [SECONDS]      (15 by default; WARM_UP_SECONDS=25;
#                                               CLASSES=<dir> to measure other gateway classes)
#
# Installs nothing; needs: apt-get install nginx wrk, and the JDK's jfr. Run from the repository
# root after mvn -B -q -pl gateway install.
set -eu
seconds=${1:-15}
backend_port=${BACKEND_PORT:-18180}
gateway_port=${GATEWAY_PORT:-18182}
work=$(mktemp -d /tmp/lingogate-bench-allocation.XXXXXX)

for tool in nginx wrk java jfr jcmd mvn; do
    command -v $tool >/dev/null || { echo "needs $tool (apt-get install nginx wrk; a JDK)" >&2; exit 1; }
done

mvn -B -q -pl gateway dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$work/gateway.cp" >/dev/null
classpath="${CLASSES:-gateway/target/classes}:$(cat "$work/gateway.cp")"

mkdir -p "$work/backend/logs"
cat >"$work/backend/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/backend/nginx.pid;
error_log $work/backend/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $work/backend/body;
    proxy_temp_path $work/backend/proxy;
    fastcgi_temp_path $work/backend/fastcgi;
    uwsgi_temp_path $work/backend/uwsgi;
    scgi_temp_path $work/backend/scgi;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$backend_port;
        location / { default_type text/plain; return 200 "hello, world\n"; }
    }
}
CONF
nginx -p "$work/backend" -c "$work/backend/nginx.conf" &
backend_pid=$!
java -Xms256m -Xmx256m -XX:+UseParallelGC -Xlog:gc:file="$work/gc.log" -cp "$classpath" \
    bench/gateway/ProxyGateway.java "$gateway_port" "http://127.0.0.1:$backend_port" 2 >"$work/gateway.log" 2>&1 &
gateway_pid=$!
trap 'kill $gateway_pid $backend_pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
until grep -qs "gateway listening" "$work/gateway.log"; do
    kill -0 $gateway_pid 2>/dev/null || { cat "$work/gateway.log"; exit 1; }
    sleep 0.5
done

# Escape analysis removes allocations only once C2 has compiled the path, so warm it first.
wrk -t2 -c16 -d"${WARM_UP_SECONDS:-25}"s "http://127.0.0.1:$gateway_port/hello" >/dev/null
# Only the per-thread allocation counters, read at the recording's start and end: JFR's default
# events would slow the gateway down and so change its collections a second.
cat >"$work/allocation.jfc" <<JFC
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0">
  <event name="jdk.ThreadAllocationStatistics">
    <setting name="enabled">true</setting>
    <setting name="period">everyChunk</setting>
  </event>
</configuration>
JFC
jcmd $gateway_pid JFR.start name=allocation settings="$work/allocation.jfc" filename="$work/allocation.jfr" >/dev/null
lines_before=$(wc -l <"$work/gc.log")
wrk -t2 -c16 -d"$seconds"s "http://127.0.0.1:$gateway_port/hello" >"$work/wrk.txt"
jcmd $gateway_pid JFR.stop name=allocation >/dev/null
requests=$(awk '/requests in/ { print $1 }' "$work/wrk.txt")

# A recording's start and end each report every thread's allocated bytes so far.
jfr print --json --events jdk.ThreadAllocationStatistics "$work/allocation.jfr" | awk -v requests="$requests" '
    /"allocated":/ { gsub(/[^0-9]/, "", $2); allocated = $2 }
    /"javaName":/ && /eventloop/ { if (!($2 in first)) first[$2] = allocated; last[$2] = allocated }
    END {
        for (thread in first) bytes += last[thread] - first[thread]
        printf "requests %d in the measured run; event-loop threads allocated %.0f bytes per request\n", requests, bytes / requests
    }'
tail -n +$((lines_before + 1)) "$work/gc.log" | grep "Pause Young" | sed 's/.* \([0-9.]*\)ms$/\1/' | sort -n | awk \
    -v seconds="$seconds" -v requests="$requests" '
    { pause[NR] = $1 }
    END {
        if (NR == 0) { print "no young collection in the measured run"; exit }
        printf "young collections: %d in %d s (%.1f a second, %.1f per 100,000 requests), pause median %.2f ms, p90 %.2f ms\n",
            NR, seconds, NR / seconds, NR * 100000 / requests, pause[int(NR / 2) + 1], pause[int(NR * 0.9) + 1]
    }'
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
