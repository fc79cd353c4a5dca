#!/usr/bin/env bash
# Prepares the local server for a fast start, by Spring Boot's documented class-data sharing (CDS) flow:
# the jar is extracted (the layout CDS needs), then one training run records every class it loaded into
# a JDK archive. The training run serves: it answers one request of each kind on loopback (a single
# payload, a batch, the client errors, /model, health, the API
# description) and is then stopped, so the archive also holds the classes of the first answers, not
# only those of the start-up (-Dspring.context.exit=onRefresh would stop before any request).
#
#   ./mvnw package && profiles/local/cds.sh        # writes target/local/cds/
#   java -XX:SharedArchiveFile=target/local/cds/application.jsa -Dspring.aot.enabled=true \
#        -XX:+UseSerialGC -Xmx64m -Xss512k -XX:ReservedCodeCacheSize=48m \
#        -jar target/local/cds/heart-disease-function-1.0.0-SNAPSHOT.jar
#
# The last four flags are not about start-up: they keep the resident memory under 200 MiB (the JVM's
# defaults on a large machine let the heap grow to hundreds of MiB for a model of a few KiB; the live
# heap after a full GC is 17-24 MiB under wrk), with no loss of throughput measured under wrk
# (profiles/bench/README.md). -XX:TieredStopAtLevel=1 would halve the CPU spent compiling during the
# start, but the C1-only code costs 2.5 times the CPU per request under load: it is left out.
# The archive belongs to this JDK build and to this jar: rebuild it after either changes (a JVM that
# cannot use it says so and starts without it). spring.aot.enabled uses the start-up code that Spring
# AOT generated at build time (process-aot); it serves only: --train runs without it.
# Needs curl. The training run's log stays in the directory (training.log); on any failure the script
# prints it, removes the archive and exits 1.
set -euo pipefail
jar=${1:-target/local/heart-disease-function-1.0.0-SNAPSHOT.jar}
dir=${2:-target/local/cds}
payloads=$(cd "$(dirname "$0")/../.." && pwd)/src/test/resources/payloads
rm -rf "$dir"
java -Djarmode=tools -jar "$jar" extract --destination "$dir"

log=$dir/training.log
: >"$log"
# Port 0: the training run takes a free port and logs it (the one INFO line kept).
java -XX:ArchiveClassesAtExit="$dir/application.jsa" -Dspring.aot.enabled=true -jar "$dir/$(basename "$jar")" \
	--server.port=0 --server.address=127.0.0.1 --logging.level.root=WARN \
	--logging.level.org.springframework.boot.web.embedded.tomcat.TomcatWebServer=INFO >"$log" 2>&1 &
server=$!
# On any failure: stop the training run and drop whatever archive it wrote as it exited.
fail() {
	kill "$server" 2>/dev/null || true
	wait "$server" 2>/dev/null || true
	rm -f "$dir/application.jsa"
	cat "$log" >&2
	echo "cds.sh: $*; no archive written" >&2
	exit 1
}
trap 'fail "interrupted"' INT TERM
trap 'kill "$server" 2>/dev/null || true' EXIT
port=
for _ in $(seq 600); do
	port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$log")
	[ -n "$port" ] && break
	kill -0 "$server" 2>/dev/null || fail "the training run stopped before it served"
	sleep 0.1
done
[ -n "$port" ] || fail "the training run did not start within 60 s"

url=http://127.0.0.1:$port
# Each kind of answer once; the status is checked, so an archive is never built from a broken server.
expect() { # status, then curl's arguments
	local status
	status=$(curl -s -o /dev/null -w '%{http_code}' "${@:2}" || true)
	[ "$status" = "$1" ] || fail "training request ${*:2}: $status, expected $1"
}
json=(-H 'Content-Type: application/json')
expect 200 "${json[@]}" --data-binary "@$payloads/example.json" "$url/predict"
expect 200 "${json[@]}" --data-binary "@$payloads/batch.json" "$url/predict"
expect 400 "${json[@]}" --data-binary '{"age":"63"}' "$url/predict"
expect 400 "${json[@]}" --data-binary '{' "$url/predict"
expect 415 -H 'Content-Type: text/plain' --data-binary "@$payloads/example.json" "$url/predict"
expect 405 "$url/predict"
expect 404 "$url/nothing"
expect 200 "$url/model"
expect 200 "$url/actuator/health"
expect 200 "$url/v3/api-docs"

# A clean stop: the JVM writes the archive as it exits.
kill "$server"
wait "$server" || true
trap - INT TERM EXIT
[ -f "$dir/application.jsa" ] || fail "the JVM wrote no archive"
echo "CDS archive: $dir/application.jsa"
