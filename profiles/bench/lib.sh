#!/usr/bin/env bash
# Sourced by run.sh and startup.sh: what both measure the same way. The caller defines row() (one row of
# its table), work (its scratch directory) and wrk_seconds and wrk_runs (the load test's length).
# shellcheck disable=SC2154 # work, wrk_seconds and wrk_runs are the caller's

# min, median, max and count of the numbers on stdin, tab-separated
stats() { sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s\t%s\t%s\t%d\n", v[1], m, v[NR], NR }'; }

# One server under wrk: $1 its name in the rows, $2-$4 its throughput, p99 and memory targets, then its
# java and arguments (--server.port added). The warm-up, then the measured runs, VmRSS after each.
load_test() {
	local name=$1 rps_target=$2 p99_target=$3 rss_target=$4 port server rps p99 a b c n
	shift 4
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 18080)
	"$@" --server.port="$port" > "$work/server.log" 2>&1 &
	server=$!
	# shellcheck disable=SC2064 # the server's pid now, not at exit
	trap "kill $server 2>/dev/null || true" EXIT
	for _ in $(seq 600); do
		curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @src/test/resources/payloads/example.json \
			"http://127.0.0.1:$port/predict" && break
		sleep 0.1
	done
	# The first run, right after the first answer, is the warm-up (the JIT still compiling; what an AOT
	# cache's method profiles aim at): its throughput is a row of its own, not one of the measured runs.
	wrk -t2 -c8 -d"$wrk_seconds"s -s "$work/post.lua" "http://127.0.0.1:$port/predict" > "$work/wrk.txt"
	row "local HTTP ($name), wrk -t2 -c8, the first $wrk_seconds s after the first answer (warm-up), throughput" "" \
		"$(awk '/^Requests\/sec/ { print $2 }' "$work/wrk.txt")" "" "" req/s 1
	: > "$work/wrk.tsv"
	: > "$work/rss.tsv"
	for _ in $(seq "$wrk_runs"); do
		wrk -t2 -c8 -d"$wrk_seconds"s --latency -s "$work/post.lua" "http://127.0.0.1:$port/predict" > "$work/wrk.txt"
		cat "$work/wrk.txt" >&2
		if grep -q 'Non-2xx' "$work/wrk.txt"; then echo "wrk got non-2xx answers" >&2; exit 1; fi
		rps=$(awk '/^Requests\/sec/ { print $2 }' "$work/wrk.txt")
		p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }' "$work/wrk.txt")
		printf '%s\t%s\n' "$rps" "$p99" >> "$work/wrk.tsv"
		awk '/^VmRSS/ { printf "%.1f\n", $2 / 1024 }' "/proc/$server/status" >> "$work/rss.tsv"
	done
	IFS=$'\t' read -r a b c n < <(cut -f1 "$work/wrk.tsv" | stats)
	row "local HTTP ($name), wrk -t2 -c8, throughput" "$rps_target" "$a" "$b" "$c" "req/s" "$n"
	IFS=$'\t' read -r a b c n < <(cut -f2 "$work/wrk.tsv" | stats)
	row "local HTTP ($name), wrk -t2 -c8, p99 latency" "$p99_target" "$a" "$b" "$c" ms "$n"
	IFS=$'\t' read -r a b c n < <(stats < "$work/rss.tsv")
	row "local server VmRSS ($name), sampled after each wrk run (max = after $((wrk_seconds * wrk_runs)) s of load)" "$rss_target" "$a" "$b" "$c" MiB "$n"
	kill "$server" 2>/dev/null || true
	wait "$server" 2>/dev/null || true
	trap - EXIT
}

