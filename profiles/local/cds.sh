#!/usr/bin/env bash
# Prepares the local server for a fast start, by Spring Boot's documented flow: the jar is extracted
# (the layout the JVM's caches need), then one training run records what the JVM learns while starting
# and serving. On Java 25 that is an AOT cache (JEP 483, 514, 515: classes loaded and linked ahead of
# time, and the method profiles the JIT would otherwise gather during warm-up); on Java 17 a class-data
# archive (CDS). The training run serves: it answers one request of each kind on loopback (a single
# payload, a batch, the client errors, /model, health, the API description), then a few hundred
# predictions so that the cached profiles are those of the hot path, and is then stopped
# (-Dspring.context.exit=onRefresh would stop before any request).
#
#   ./mvnw package && profiles/local/cds.sh        # writes target/local/cds/
#   profiles/local/serve.sh                        # starts the extracted jar with its cache and flags
#
# The java is profiles/local/java.sh's: a JDK 25 when one is installed. The flags and the jar the server
# starts with are written to jvm.args beside the jar (a java @argument file), and the java to java.path:
#   -Dspring.aot.enabled=true uses the start-up code Spring AOT generated at build time (process-aot);
#   -XX:+UseSerialGC -Xmx64m -Xss512k -XX:ReservedCodeCacheSize=48m are not about start-up: they keep the
#   resident memory under 200 MiB (the JVM's defaults on a large machine let the heap grow to hundreds of
#   MiB for a model of a few KiB; the live heap after a full GC is 17-24 MiB under wrk), with no loss of
#   throughput measured under wrk (profiles/bench/README.md). That was measured on Java 17: the Java 25
#   AOT cache is mapped into the process too (about 68 MiB), and one launch measured 209 MiB after
#   40 s of load. The C2 compiler stays:
#   -XX:TieredStopAtLevel=1 would halve the CPU spent compiling during the start, but the C1-only code
#   costs 2.5 times the CPU per request under load. The training run has the same flags, so the cache
#   matches the launch.
# The cache belongs to this JDK build and to this jar: rebuild it after either changes (a JVM that
# cannot use it says so and starts without it). Needs curl. The training run's log stays in the
# directory (training.log); on any failure the script prints it, removes the cache and exits 1.
set -euo pipefail
jar=${1:-target/local/heart-disease-function-1.0.0-SNAPSHOT.jar}
dir=${2:-target/local/cds}
# shellcheck source=profiles/local/java.sh
. "$(dirname "$0")/java.sh"
java=$(heart_java)
payloads=$(cd "$(dirname "$0")/../.." && pwd)/src/test/resources/payloads
rm -rf "$dir"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dir"

serving=(-Dspring.aot.enabled=true -XX:+UseSerialGC -Xmx64m -Xss512k -XX:ReservedCodeCacheSize=48m)
# Compact object headers (JEP 519, a product flag from 25): 8-byte object headers, about 10 MiB less
# resident under wrk with the AOT cache (181-183 against 191 MiB, two alternated launches each, 2026-12-03).
if [ "$(java_feature "$java")" -ge 25 ]; then serving+=(-XX:+UseCompactObjectHeaders); fi
# HEART_CACHE=cds records a class-data archive on a JDK 25 too (the benchmark compares the two there).
if [ "$(java_feature "$java")" -ge 25 ] && [ "${HEART_CACHE:-aot}" != cds ]; then
	cache=$dir/application.aot
	record=(-XX:AOTCacheOutput="$cache")
	use=-XX:AOTCache="$cache"
else
	cache=$dir/application.jsa
	record=(-XX:ArchiveClassesAtExit="$cache")
	use=-XX:SharedArchiveFile="$cache"
fi

log=$dir/training.log
: >"$log"
# Port 0: the training run takes a free port and logs it (the one INFO line kept).
"$java" "${record[@]}" "${serving[@]}" -jar "$dir/$(basename "$jar")" \
	--server.port=0 --server.address=127.0.0.1 --logging.level.root=WARN \
	--logging.level.org.springframework.boot.web.embedded.tomcat.TomcatWebServer=INFO >"$log" 2>&1 &
server=$!
# On any failure: stop the training run and drop whatever cache it wrote as it exited.
fail() {
	kill "$server" 2>/dev/null || true
	wait "$server" 2>/dev/null || true
	rm -f "$cache" "$dir/jvm.args" "$dir/java.path"
	cat "$log" >&2
	echo "cds.sh: $*; no cache written" >&2
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
# The hot path, a few hundred times over one connection: the profiles the cache keeps are these.
predictions=()
for _ in $(seq 300); do predictions+=("$url/predict"); done
curl -sf "${json[@]}" --data-binary "@$payloads/example.json" "${predictions[@]}" >/dev/null \
	|| fail "the training predictions failed"

# A clean stop: the JVM writes the cache as it exits.
kill "$server"
wait "$server" || true
trap - INT TERM EXIT
[ -f "$cache" ] || fail "the JVM wrote no cache"
printf '%s\n' "$use" "${serving[@]}" -jar "$dir/$(basename "$jar")" >"$dir/jvm.args"
echo "$java" >"$dir/java.path"
echo "start-up cache: $cache (for $("$java" -version 2>&1 | head -1)); start with profiles/local/serve.sh"
