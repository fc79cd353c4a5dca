#!/usr/bin/env bash
# The Kafka rows of the benchmark, end to end through a real broker: profiles/kafka/broker.sh on free
# ports with its data in a scratch directory, then for 1 partition (one consumer) and 4 partitions (four
# consumer threads), exactly-once (the default) and at-least-once, the scorer of profiles/kafka/scorer.sh
# (-Xmx128m) driven by profiles/bench/KafkaLoad.java: records/s from the first send to the last answer
# committed, p99 latency at half that rate, and the scorer's resident memory at the end.
#
#   profiles/bench/kafka.sh               # rows on stdout (name, target, min, median, max, unit, n), log on stderr
#   profiles/bench/kafka.sh --smoke       # tiny streams: proves that it runs, measures nothing
#   profiles/bench/kafka.sh --records 20000 --only at-least-once 4   # one setting, shorter streams
#
# HEART_JAR (default .bench/deploy/kafka.jar, else target/kafka's) and HEART_JAVA choose the scorer.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${BENCH_WORK:-$(pwd)/.bench}
records=50000; bursts=3; seconds=10
modes="exactly-once at-least-once"; partition_counts="1 4"
while [ $# -gt 0 ]; do
	case "$1" in
		--smoke) records=2000; bursts=1; seconds=1 ;;
		--records) records=$2; shift ;;
		--only) modes=$2; partition_counts=$3; shift 2 ;; # e.g. --only at-least-once 4
		*) echo "unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
jar=${HEART_JAR:-$work/deploy/kafka.jar}
[ -e "$jar" ] || jar=target/kafka/heart-disease-function-1.0.0-SNAPSHOT.jar
[ -e "$jar" ] || { echo "no scorer jar: run ./mvnw -Pkafka package or profiles/bench/run.sh" >&2; exit 1; }
log() { printf '==> %s\n' "$*" >&2; }

# Kafka's classes (lib.sh's classpath), then the load driver compiled against them.
[ -s target/kafka/broker.classpath ] \
	|| ./mvnw -q -B -Pkafka dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/kafka/broker.classpath
classpath=$(cat target/kafka/broker.classpath)
mkdir -p "$work/kafka-load"
javac -d "$work/kafka-load" -cp "$classpath" profiles/bench/KafkaLoad.java

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
controller=$(free_port)
data=$(mktemp -d)
pids=()
# shellcheck disable=SC2317 # called by the trap
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
log "broker on localhost:$port"
KAFKA_PORT=$port KAFKA_CONTROLLER_PORT=$controller KAFKA_DIR=$data profiles/kafka/broker.sh > "$work/kafka-broker.log" 2>&1 &
pids+=($!)
for _ in $(seq 600); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@"; }
stats() { sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s\t%s\t%s\t%d\n", v[1], m, v[NR], NR }'; }

for mode in $modes; do
	for partitions in $partition_counts; do
		if [ "$partitions" -eq 1 ]; then name="1 partition, 1 consumer, $mode"; else name="$partitions partitions, $partitions consumers, $mode"; fi
		topic=bench-$partitions-$mode
		settings=(--heart.kafka.input-topic="$topic-payloads" --heart.kafka.output-topic="$topic-answers"
			--heart.kafka.dead-letter-topic="$topic-dead-letters" --heart.kafka.group="$topic"
			--heart.kafka.instance-id="$topic" --heart.kafka.partitions="$partitions" --heart.kafka.concurrency="$partitions")
		[ "$mode" = at-least-once ] && settings+=(--spring.profiles.active=at-least-once)
		log "Kafka: $name"
		KAFKA_PORT=$port HEART_JAR=$jar profiles/kafka/scorer.sh "${settings[@]}" > "$work/kafka-scorer.log" 2>&1 &
		scorer=$!
		pids+=("$scorer")
		output=$(java -cp "$classpath:$work/kafka-load" KafkaLoad "localhost:$port" "$topic" "$partitions" "$records" \
			"$bursts" "$seconds" src/test/resources/payloads/example.json)
		rss=$(awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$scorer/status")
		kill "$scorer"
		wait "$scorer" 2>/dev/null || true
		case "$partitions $mode" in
			"4 exactly-once") target="≥ 10,000 records/s" ;;
			"4 at-least-once") target="≥ 20,000 records/s" ;;
			*) target="" ;;
		esac
		IFS=$'\t' read -r a b c n < <(awk '$2 == "throughput" { print $3 }' <<< "$output" | stats)
		row "Kafka ($name): produce → answer committed, throughput" "$target" "$a" "$b" "$c" records/s "$n"
		# The paced rate differs per run, so it is a row of its own: the p99 row keeps one name on both JDKs.
		row "Kafka ($name): paced rate for the latency run (half the median throughput)" "" \
			"$(awk '$2 == "paced" { print $3 }' <<< "$output")" "" "" records/s 1
		row "Kafka ($name): p99 latency at that paced rate" "" "$(awk '$2 == "p99" { print $3 }' <<< "$output")" "" "" ms 1
		row "Kafka ($name): scorer VmRSS at the end (-Xmx128m)" "" "$rss" "" "" MiB 1
	done
done
