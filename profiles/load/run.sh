#!/usr/bin/env bash
# Load test of the local server on loopback: starts the packaged jar, drives POST /predict with wrk
# at 8 and then 64 connections, twice, and fails on any socket error, any non-2xx answer, or live
# heap (after a full GC) that grows from the first round to the second.
#
#   profiles/load/run.sh [--duration SECONDS] [--jar PATH] [--java-opts "OPTIONS"]
#
# Defaults: 20 s per step, no JVM options. Needs wrk (installed from Debian when missing) and a built
# jar (./mvnw -q package -DskipTests). Prints a Markdown table and writes it to target/load-results.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=20
java_opts=
jar=target/local/heart-disease-function-1.0.0-SNAPSHOT.jar
while [ $# -gt 0 ]; do
	case "$1" in
		--duration) duration=$2; shift 2 ;;
		--jar) jar=$2; shift 2 ;;
		--java-opts) java_opts=$2; shift 2 ;;
		-h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
	esac
done

if ! command -v wrk >/dev/null; then
	apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# shellcheck disable=SC2086 # the options are words
java $java_opts -jar "$jar" --server.port="$port" --server.address=127.0.0.1 --logging.level.root=WARN >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 100); do
	curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health" && break
	sleep 0.2
done
curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health" || { cat "$work/server.log"; exit 1; }

# wrk counts non-2xx answers as "Non-2xx or 3xx responses"; done() adds the p99 latency.
body=$(tr -d '\n' < src/test/resources/payloads/example.json | sed 's/"/\\"/g')
cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = "$body"
wrk.headers["Content-Type"] = "application/json"
done = function(summary, latency, requests)
	io.write(string.format("p99_ms=%.3f\n", latency:percentile(99) / 1000))
end
LUA

rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$server/status"; }
# Resident memory mostly tracks how far the collector let the heap grow; a leak shows as live heap.
live_heap() {
	jcmd "$server" GC.run >/dev/null
	# The heap's lines carry "total ..., used ...K" (one line for G1, one per generation for Serial).
	jcmd "$server" GC.heap_info | awk '/total/ && /used/ {
		for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub("K,?", "", v); sum += v}
	} END {printf "%.0f", sum / 1024}'
}

# Warm-up, so the first round measures a steady server rather than the JIT.
wrk -t2 -c8 -d5s -s "$work/post.lua" "http://127.0.0.1:$port/predict" >/dev/null

results="| round | connections | requests/s | p99 latency | requests | socket errors | non-2xx | RSS after | live heap after |
|---|---|---|---|---|---|---|---|---|"
failed=0
declare -A heap_after
for round in 1 2; do
	for connections in 8 64; do
		out=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 5s -s "$work/post.lua" "http://127.0.0.1:$port/predict")
		rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
		total=$(awk '/requests in/ {print $1}' <<<"$out")
		p99=$(sed -n 's/^p99_ms=//p' <<<"$out")
		errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
		non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
		errors=${errors:-0}
		non2xx=${non2xx:-0}
		memory=$(rss)
		heap=$(live_heap)
		heap_after[$round]=$heap
		results+="
| $round | $connections | $rate | ${p99} ms | $total | $errors | $non2xx | ${memory} MiB | ${heap} MiB |"
		if [ "$errors" != 0 ] || [ "$non2xx" != 0 ]; then failed=1; fi
	done
done

# Stable memory: the live heap after the second round may not exceed the first's by more than 8 MiB.
growth=$(( heap_after[2] - heap_after[1] ))
limit=8
verdict="live heap: ${heap_after[1]} MiB after round 1, ${heap_after[2]} MiB after round 2 (growth ${growth} MiB, allowed ${limit} MiB)"
[ "$growth" -le "$limit" ] || failed=1

report="Load test of POST /predict, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1), JVM options '${java_opts}', ${duration} s per step:

$results

$verdict"
mkdir -p target
printf '%s\n' "$report" | tee target/load-results.md
if [ "$failed" != 0 ]; then
	echo "FAILED: errors, non-2xx answers or memory growth (see above)" >&2
	exit 1
fi
echo "passed: no errors, no non-2xx answers, stable memory"
