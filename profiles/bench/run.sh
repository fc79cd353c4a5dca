#!/usr/bin/env bash
# The benchmark suite: builds every deployable and measures every row of profiles/bench/README.md's
# table on this machine, printing the table and writing it to profiles/bench/results.md.
#
#   profiles/bench/run.sh                 # the full suite (about 20 minutes on 2 cores)
#   profiles/bench/run.sh --runs 7        # more launches per cold-start row (default 5)
#   profiles/bench/run.sh --smoke         # 1 launch and tiny durations: proves the suite runs, measures nothing
#   profiles/bench/run.sh --collect PROFILE   # copy the deployable that target/PROFILE holds (test-all.sh does this)
#   profiles/bench/run.sh --smoke --no-build  # use the deployables collected before, build only the JMH sources
#
# Results of a smoke go to target/bench/smoke.md, never to results.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=${BENCH_WORK:-$root/.bench}
runs=5
smoke=false
kafka_args=()
batch_args=()
build=true
out=profiles/bench/results.md
command_line="profiles/bench/run.sh $*"

collect() {
	mkdir -p "$work/deploy"
	case "$1" in
		gcp)
			rm -rf "$work/deploy/gcp" && cp -r target/gcp/deploy "$work/deploy/gcp"
			cp target/gcp/invoker/java-function-invoker.jar "$work/deploy/java-function-invoker.jar" ;;
		aws) cp target/aws/*-aws.zip "$work/deploy/aws.zip" ;;
		local) cp target/local/heart-disease-function-1.0.0-SNAPSHOT.jar "$work/deploy/local.jar" ;;
		kafka) cp target/kafka/heart-disease-function-1.0.0-SNAPSHOT.jar "$work/deploy/kafka.jar" ;;
		*) echo "unknown profile $1" >&2; exit 2 ;;
	esac
}

while [ $# -gt 0 ]; do
	case "$1" in
		--smoke) smoke=true; runs=1; out=target/bench/smoke.md; kafka_args=(--smoke); batch_args=(--smoke) ;;
		--no-build) build=false ;;
		--runs) runs=$2; shift ;;
		--collect) collect "$2"; exit 0 ;;
		*) echo "unknown option $1" >&2; exit 2 ;;
	esac
	shift
done

if $smoke; then
	jmh_args=(-f 1 -wi 0 -i 1 -r 100ms)
	wrk_seconds=1; wrk_runs=1; train_runs=1
else
	# 2 forks x 5 measured seconds after 5 warm-up seconds, per benchmark.
	jmh_args=(-f 2 -wi 5 -w 1s -i 5 -r 1s)
	# 5 runs of 12 s on one server: 60 s of load, then its resident memory.
	wrk_seconds=12; wrk_runs=5; train_runs=$runs
fi

mvn() { ./mvnw -q -B "$@"; }
# stats and load_test, shared with startup.sh
# shellcheck source=profiles/bench/lib.sh
. profiles/bench/lib.sh
log() { printf '==> %s\n' "$*" >&2; }

# wrk comes from Debian.
if ! command -v wrk >/dev/null; then
	log "installing wrk"
	apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

mkdir -p "$work" "$(dirname "$out")"
rows=$work/rows.tsv
: > "$rows"
# Each row is measured on one JDK (jdk, the table's column) or holds for all (sizes).
jdk=all
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$jdk" "$@" >> "$rows"; }

if $build; then
	for profile in gcp aws kafka local; do
		log "building the $profile deployable"
		mvn clean package -DskipTests -P"$profile"
		collect "$profile"
	done
fi
for file in gcp/libs java-function-invoker.jar aws.zip local.jar kafka.jar; do
	[ -e "$work/deploy/$file" ] || { echo "missing $work/deploy/$file: run without --no-build" >&2; exit 1; }
done

log "compiling the timer and the JMH benchmarks (-Plocal,bench)"
javac -d "$work/harness" profiles/bench/Harness.java
# After test-all.sh's local build (--no-build) target/local holds the local classes: compile on top of them.
if $build; then mvn clean test-compile -Plocal,bench; else mvn test-compile -Plocal,bench; fi
mvn dependency:build-classpath -Plocal,bench -Dmdep.includeScope=test -Dmdep.outputFile="$work/bench.cp"
# The runtime interface client as Lambda's managed runtime has it in /var/runtime/lib.
mvn dependency:build-classpath -Paws -Dmdep.includeScope=test -Dmdep.outputFile="$work/aws.cp"
ric=$(tr ':' '\n' < "$work/aws.cp" | grep -E '/(aws-lambda-java-runtime-interface-client|aws-lambda-java-serialization|aws-lambda-java-core|utils-lite|annotations)-[0-9.]+\.jar$' | paste -sd:)

result() { # name target unit, from the harness's RESULT line on stdin
	local output line; output=$(cat)
	printf '%s\n' "$output" >&2
	line=$(grep '^RESULT' <<< "$output")
	# shellcheck disable=SC2086 # the RESULT line's fields are meant to split into words
	set -- "$1" "$2" "$3" $line
	row "$1" "$2" "$6" "$7" "$8" "$3" "${10}"
}

# --- sizes
mib() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.2f", b / 1048576 }'; }
row "AWS package size (aws.zip)" "≤ 16 MiB" "$(mib "$work/deploy/aws.zip")" "" "" MiB 1
# The GCP deployable is a directory: the thin jar and its libs/.
mibs() { find "$1" -type f -printf '%s\n' | awk '{ b += $1 } END { printf "%.2f", b / 1048576 }'; }
row "GCP deploy directory size (jar and libs/)" "≤ 17 MiB" "$(mibs "$work/deploy/gcp")" "" "" MiB 1
row "local jar size (for reference)" "" "$(mib "$work/deploy/local.jar")" "" "" MiB 1

# What every JDK's rows share: the unpacked Lambda task, the training data, wrk's request, the statistics.
rm -rf "$work/aws-task" && mkdir -p "$work/aws-task" && (cd "$work/aws-task" && unzip -q "$work/deploy/aws.zip")
dataset=datasets/processed.cleveland.data
[ -f "$dataset" ] || dataset=../shared/datasets/uci-heart-disease/processed.cleveland.data
cat > "$work/post.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[$(cat src/test/resources/payloads/example.json)]]
EOF

# Every timed row on one JDK: $1 its feature release (the table's column), $2 its java.
measure() {
	jdk=$1
	local java=$2
	harness() { "$java" -Druns="$1" -Dpayload=src/test/resources/payloads/example.json -cp "$work/harness" Harness "${@:2}"; }
	# --- AWS: the zip unpacked as Lambda does, run by the runtime interface client with Lambda's flags
	log "Java $jdk: AWS cold starts"
	harness "$runs" lambda aws-cold "$work/aws-task" "$ric" | result "AWS: JVM launch → first answer (RIC, -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)" "≤ 0.6 s" ms

	# --- GCP: the deploy directory under Google's invoker, with the JVM flags profiles/gcp/deploy.sh deploys
	log "Java $jdk: GCP cold starts"
	harness "$runs" http gcp-cold / -- env JAVA_TOOL_OPTIONS="$(<profiles/gcp/jvm-options)" \
		"$java" -jar "$work/deploy/java-function-invoker.jar" --classpath "$(echo "$work"/deploy/gcp/*.jar)" \
		--target org.heartdisease.gcp.GcpFunction --port '{port}' \
		| result "GCP: invoker launch → first answer (JAVA_TOOL_OPTIONS of profiles/gcp/jvm-options)" "≤ 1.0 s" ms

	# --- local: plain java -jar, then the extracted jar with its class-data archive and AOT
	log "Java $jdk: local cold starts"
	harness "$runs" http local-cold-jar /predict -- "$java" -jar "$work/deploy/local.jar" --server.port='{port}' \
		| result "local: java -jar launch → first answer" "≤ 2.0 s" ms
	# The tuned launch of profiles/local/serve.sh, prepared on the JDK measured (an AOT cache on 25, a CDS
	# archive on 17, trained on one request of each kind and then the hot path), with Spring AOT and a
	# heap sized for one small model; cds.sh wrote the flags and the jar into jvm.args.
	HEART_JAVA=$java profiles/local/cds.sh "$work/deploy/local.jar" "$work/local-$jdk" >&2
	tuned=(@"$work/local-$jdk/jvm.args")
	harness "$runs" http local-cold-cds /predict -- "$java" "${tuned[@]}" --server.port='{port}' \
		| result "local: tuned launch (serve.sh: extracted jar + CDS archive on 17, AOT cache on 25, Spring AOT, SerialGC, -Xmx64m) → first answer" "≤ 1.0 s" ms

	# On a JDK 25 the same launch with a class-data archive instead of the AOT cache: whether the cache pays.
	if [ "$jdk" -ge 25 ]; then
		HEART_CACHE=cds HEART_JAVA=$java profiles/local/cds.sh "$work/deploy/local.jar" "$work/local-$jdk-cds" >&2
		harness "$runs" http local-cold-cds25 /predict -- "$java" @"$work/local-$jdk-cds/jvm.args" --server.port='{port}' \
			| result "local: the tuned launch with a CDS archive instead of the AOT cache → first answer" "≤ 1.0 s" ms
	fi

	# --- training on the Cleveland file
	if [ -f "$dataset" ]; then
		log "Java $jdk: training"
		harness "$train_runs" exit train-jar "$work/train/heart-disease.json" -- "$java" -jar "$work/deploy/local.jar" --train \
			--dataset="$dataset" --output-dir="$work/train" \
			| result "--train on Cleveland, java -jar, launch → artifact written (with CV)" "≤ 2 s" ms
		# One untimed run first: it records train.sh's own class-data archive, which the timed runs use.
		HEART_JAVA=$java HEART_JAR="$work/deploy/local.jar" HEART_CDS_DIR="$work/local-$jdk" profiles/local/train.sh --dataset="$dataset" \
			--output-dir="$work/train" >/dev/null
		harness "$train_runs" exit train-tuned "$work/train/heart-disease.json" -- env HEART_JAVA="$java" HEART_JAR="$work/deploy/local.jar" \
			HEART_CDS_DIR="$work/local-$jdk" profiles/local/train.sh --dataset="$dataset" --output-dir="$work/train" \
			| result "--train on Cleveland, profiles/local/train.sh (C1, SerialGC, CDS), launch → artifact written" "≤ 2 s" ms
	else
		row "--train on Cleveland" "≤ 2 s" "skipped: no $dataset" "" "" "" 0
	fi

	# --- JMH
	log "Java $jdk: JMH"
	"$java" -cp "target/local/test-classes:target/local/classes:$(cat "$work/bench.cp")" org.openjdk.jmh.Main "${jmh_args[@]}" \
		-rf json -rff "$work/jmh.json" 'PredictBenchmark|AnswerWritingBenchmark|RecordingBenchmark' >&2
	java -cp "$work/harness" Harness jmh "$work/jmh.json" > "$work/jmh.tsv"
	while IFS=$'\t' read -r name min median max count; do
		case "$name" in
			*predictBean) row "predict bean, warm, one payload (JMH)" "≤ 2 µs" "$min" "$median" "$max" µs/op "$count" ;;
			*functionJson) row "function through Spring Cloud Function's JSON conversion (JMH)" "≤ 20 µs" "$min" "$median" "$max" µs/op "$count" ;;
			*exchange) row "shared exchange: JSON body → checked → diagnosis JSON (JMH)" "" "$min" "$median" "$max" µs/op "$count" ;;
			*generator) row "a diagnosis written with jackson-core's generator, as the exchange does (JMH)" "" "$min" "$median" "$max" µs/op "$count" ;;
			*databind) row "the same diagnosis written by Boot's data-binding mapper (JMH)" "" "$min" "$median" "$max" µs/op "$count" ;;
			*recordingOff) row "recording one answer: monitor off, the baseline (JMH)" "" "$min" "$median" "$max" ns/op "$count" ;;
			*recordIntoCounts) row "recording one answer into the process's counts, every surface (JMH)" "≤ 200 ns" "$min" "$median" "$max" ns/op "$count" ;;
			*recordIntoCountsAndMeters) row "recording one answer into counts and Micrometer, the local server (JMH)" "≤ 200 ns" "$min" "$median" "$max" ns/op "$count" ;;
		esac
	done < "$work/jmh.tsv"

	# --- local HTTP under wrk, then the server's resident memory: the tuned launch, and plain java -jar
	log "Java $jdk: wrk"
	load_test "tuned launch" "≥ 8,000 req/s" "≤ 5 ms" "≤ 200 MiB" "$java" "${tuned[@]}"
	# The same launch with the answers' recording off (heart.monitoring.enabled=false), in the same run:
	# what recording costs the server's throughput, as a share of the median without it.
	load_test "tuned launch, recording off" "" "" "" "$java" "${tuned[@]}" --heart.monitoring.enabled=false
	recorded=$(awk -F'\t' -v jdk="$jdk" '$1 == jdk && $2 == "local HTTP (tuned launch), wrk -t2 -c8, throughput" { print $5 }' "$rows")
	unrecorded=$(awk -F'\t' -v jdk="$jdk" '$1 == jdk && $2 == "local HTTP (tuned launch, recording off), wrk -t2 -c8, throughput" { print $5 }' "$rows")
	row "local HTTP throughput lost to recording answers (1 − on/off, medians above)" "≤ 2 %" "" \
		"$(awk -v on="$recorded" -v off="$unrecorded" 'BEGIN { if (off > 0) printf "%.1f", 100 * (1 - on / off) }')" "" % 1
	load_test "java -jar" "" "" "≤ 300 MiB" "$java" -jar "$work/deploy/local.jar"
	if [ "$jdk" -ge 25 ]; then
		load_test "tuned launch, CDS instead of the AOT cache" "≥ 8,000 req/s" "≤ 5 ms" "≤ 200 MiB" "$java" @"$work/local-$jdk-cds/jvm.args"
	fi

	# --- Kafka, end to end through a real broker, beside the HTTP rows (a smoke proves it on one JDK only)
	if ! $smoke || [ "$jdk" -ge 25 ]; then
		log "Java $jdk: Kafka"
		HEART_JAVA=$java HEART_JAR="$work/deploy/kafka.jar" profiles/bench/kafka.sh "${kafka_args[@]}" \
			| sed "s/^/$jdk\t/" >> "$rows"
	fi

	# --- batch scoring: --score and the Lambda score function against S3Mock, 10k to 1M rows
	if ! $smoke || [ "$jdk" -ge 25 ]; then
		log "Java $jdk: batch scoring"
		HEART_JAVA=$java HEART_JAR="$work/deploy/local.jar" profiles/bench/batch.sh "${batch_args[@]}" \
			| sed "s/^/$jdk\t/" >> "$rows"
	fi
}

# Java 17 and a JDK 25, found where the build's toolchains plugin looks (java.sh), each measured in full.
# shellcheck source=profiles/local/java.sh
. profiles/local/java.sh
jdks=()
java17=$(find_java 17 17) && jdks+=("17 $java17")
java25=$(find_java 25 999) && jdks+=("$(java_feature "$java25") $java25")
[ ${#jdks[@]} -gt 0 ] || { echo "no Java 17 or 25 found" >&2; exit 1; }
for entry in "${jdks[@]}"; do
	measure "${entry%% *}" "${entry#* }"
done
jdk=all

# --- the table (provenance first: writing the table changes results.md itself)
dirty=$(git status --porcelain -- src pom.xml profiles ":(exclude)$out" | head -1)
{
	echo "# Benchmark results"
	echo
	if $smoke; then echo "**Smoke run: one launch and tiny durations; these figures measure nothing.**"; echo; fi
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
	for entry in "${jdks[@]}"; do echo "- Java ${entry%% *}: ${entry#* } ($("${entry#* }" -version 2>&1 | head -2 | tail -1))"; done
	echo "- command: \`$command_line\` (commit $(git rev-parse --short HEAD)$([ -z "$dirty" ] || echo ', with uncommitted changes'))"
	echo
	echo "Each cell: median (min–max, n) of the runs on that JDK; a row measured once shows its one figure."
	echo
	echo "| what | target | unit | Java 17 | Java 25 |"
	echo "|---|---|---|---:|---:|"
	awk -F'\t' '
		function cell(j) { if (!((k, j) in med)) return "—"; if (n[k, j] <= 1 || med[k, j] == "") return (med[k, j] == "") ? lo[k, j] : med[k, j]; return med[k, j] " (" lo[k, j] "–" hi[k, j] ", n=" n[k, j] ")" }
		{ if (!($2 in target)) { order[++count] = $2; target[$2] = $3; unit[$2] = $7 }
		  split(($1 == "all") ? "17 25" : $1, js, " ")
		  for (x in js) { lo[$2, js[x]] = $4; med[$2, js[x]] = $5; hi[$2, js[x]] = $6; n[$2, js[x]] = $8 } }
		END { for (i = 1; i <= count; i++) { k = order[i]; printf "| %s | %s | %s | %s | %s |\n", k, target[k], unit[k], cell("17"), cell("25") } }
	' "$rows"
} > "$work/table.md"
# startup.sh's before-and-after section stays as it was measured.
if [ -f "$out" ] && grep -q '^<!-- startup.sh -->$' "$out"; then
	{ echo; sed -n '/^<!-- startup.sh -->$/,/^<!-- \/startup.sh -->$/p' "$out"; } >> "$work/table.md"
fi
mv "$work/table.md" "$out"
cat "$out"
