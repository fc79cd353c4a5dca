#!/usr/bin/env bash
# Start-up, before and after, in one run: every deployable of a commit before (default: the one before
# issue 22, "Load only what answers") and of the working tree, built alike and measured alternately on this
# machine, so that a gain is not the machine's drift. Rows: classes loaded up to the first answer
# (-Xlog:class+load), launch to first answer on a JDK 25 with each deployment's flags (and plain java -jar
# on the PATH's Java 17 too, as a newcomer runs it), the deployables' sizes, and the local server under
# wrk (throughput, p99, and its resident memory after the load). Writes its table into
# profiles/bench/results.md, between the startup.sh markers (run.sh keeps that section).
#
#   profiles/bench/startup.sh                       # before = b5bdc71, 5 launches per row
#   profiles/bench/startup.sh --before REV --runs 7
#   profiles/bench/startup.sh --smoke               # 1 launch, 1 s of load: proves it runs, measures nothing
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=${BENCH_WORK:-$root/.bench}/startup
before=b5bdc71
runs=5
wrk_seconds=12
wrk_runs=5
out=profiles/bench/results.md
command_line="profiles/bench/startup.sh $*"
while [ $# -gt 0 ]; do
	case "$1" in
		--before) before=$2; shift ;;
		--runs) runs=$2; shift ;;
		--smoke) runs=1; wrk_seconds=1; wrk_runs=1; out=target/bench/startup-smoke.md ;;
		*) echo "unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
log() { printf '==> %s\n' "$*" >&2; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
# shellcheck source=profiles/local/java.sh
. profiles/local/java.sh
# shellcheck source=profiles/bench/lib.sh
. profiles/bench/lib.sh
java25=$(find_java 25 999) || { echo "no JDK 25" >&2; exit 1; }
java17=$(find_java 17 17) || { echo "no Java 17" >&2; exit 1; }

rm -rf "$work" && mkdir -p "$work"
rows=$work/rows.tsv
: > "$rows"
side=
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$side" "$@" >> "$rows"; }

# Each side's deployables, built from its own sources: $1 the side, $2 its source tree.
build() {
	local name=$1 src=$2 profile
	mkdir -p "$work/$name"
	for profile in gcp aws local; do
		log "$name: building the $profile deployable"
		(cd "$src" && ./mvnw -q -B clean package -DskipTests -P"$profile")
		case "$profile" in
			gcp) cp -r "$src/target/gcp/deploy" "$work/$name/gcp"
				cp "$src/target/gcp/invoker/java-function-invoker.jar" "$work/$name/invoker.jar" ;;
			aws) cp "$src"/target/aws/*-aws.zip "$work/$name/aws.zip"
				mkdir -p "$work/$name/aws-task" && (cd "$work/$name/aws-task" && unzip -q ../aws.zip) ;;
			local) cp "$src/target/local/heart-disease-function-1.0.0-SNAPSHOT.jar" "$work/$name/local.jar" ;;
		esac
	done
	cp "$src/profiles/gcp/jvm-options" "$work/$name/gcp-jvm-options"
	HEART_JAVA=$java25 "$src/profiles/local/cds.sh" "$work/$name/local.jar" "$work/$name/tuned" >&2
}
git worktree remove --force "$work/before-src" 2>/dev/null || true
git worktree add --detach "$work/before-src" "$before" >&2
trap 'git worktree remove --force "$work/before-src" 2>/dev/null || true' EXIT
build before "$work/before-src"
build after "$root"
rev_after="$(git rev-parse --short HEAD)$([ -z "$(git status --porcelain -- src pom.xml profiles ":(exclude)$out")" ] || echo '+changes')"

./mvnw -q -B dependency:build-classpath -Paws -Dmdep.includeScope=test -Dmdep.outputFile="$work/aws.cp"
ric=$(tr ':' '\n' < "$work/aws.cp" | grep -E '/(aws-lambda-java-runtime-interface-client|aws-lambda-java-serialization|aws-lambda-java-core|utils-lite|annotations)-[0-9.]+\.jar$' | paste -sd:)
javac -d "$work/harness" profiles/bench/Harness.java
cat > "$work/post.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[$(cat src/test/resources/payloads/example.json)]]
EOF

# The harness's RESULT line as a row: $1 the row's name, $2 its target, $3 its unit word (ms or classes).
result() {
	local output line
	output=$(cat)
	printf '%s\n' "$output" >&2
	line=$(grep "^RESULT$([ "$3" = classes ] && echo -CLASSES) " <<< "$output")
	# shellcheck disable=SC2086 # the RESULT line's fields are meant to split into words
	set -- "$1" "$2" "$3" $line
	row "$1" "$2" "$6" "$7" "$8" "$9" "${10}"
}
# $1 the row's name, $2 and $3 the time and class targets, then the harness's mode and arguments: the
# timed launches, then one more that logs the classes it loads (the log would slow the timed ones).
launches() {
	local name=$1 time_target=$2 classes_target=$3
	shift 3
	"$java25" -Druns="$runs" -Dpayload=src/test/resources/payloads/example.json -cp "$work/harness" Harness "$@" \
		| result "$name, launch → first answer" "$time_target" ms
	"$java25" -Druns=1 -Dclasses=true -Dpayload=src/test/resources/payloads/example.json -cp "$work/harness" Harness "$@" \
		| result "$name, classes loaded to the first answer" "$classes_target" classes
}
mib() { find "$1" -type f -printf '%s\n' | awk '{ b += $1 } END { printf "%.2f", b / 1048576 }'; }

for side in before after; do
	d=$work/$side
	row "AWS package size (aws.zip)" "< 15.2 MiB" "$(mib "$d/aws.zip")" "" "" MiB 1
	row "GCP deploy directory size (jar and libs/)" "< 16.9 MiB" "$(mib "$d/gcp")" "" "" MiB 1
	row "local jar size" "" "$(mib "$d/local.jar")" "" "" MiB 1
done
# The launches alternate sides deployable by deployable, so both see the same machine.
for side in before after; do
	d=$work/$side
	log "$side: AWS"
	launches "AWS (RIC, Lambda's flags, Java 25)" "≤ 0.8 s" "≤ 3,500" lambda aws "$d/aws-task" "$ric"
done
for side in before after; do
	d=$work/$side
	log "$side: GCP"
	launches "GCP (Google's invoker, profiles/gcp/jvm-options, Java 25)" "≤ 0.9 s" "≤ 4,000" http gcp / -- \
		env JAVA_TOOL_OPTIONS="$(<"$d/gcp-jvm-options")" "$java25" -jar "$d/invoker.jar" \
		--classpath "$(echo "$d"/gcp/*.jar)" --target org.heartdisease.gcp.GcpFunction --port '{port}'
done
for side in before after; do
	d=$work/$side
	log "$side: local"
	launches "local, tuned (serve.sh: AOT cache, Java 25)" "≤ 1.0 s" "" http local-tuned /predict -- \
		"$java25" @"$d/tuned/jvm.args" --server.port='{port}'
	launches "local, plain java -jar, Java 25" "≤ 2.5 s" "≤ 5,500" http local-jar /predict -- \
		"$java25" -jar "$d/local.jar" --server.port='{port}'
	launches "local, plain java -jar, Java 17 (the PATH's)" "≤ 2.5 s" "≤ 5,500" http local-jar17 /predict -- \
		"$java17" -jar "$d/local.jar" --server.port='{port}'
done
for side in before after; do
	d=$work/$side
	log "$side: wrk"
	load_test "tuned launch, Java 25" "no worse than before" "no worse than before" "≤ 200 MiB" "$java25" @"$d/tuned/jvm.args"
	load_test "plain java -jar, Java 17" "" "" "≤ 300 MiB" "$java17" -jar "$d/local.jar"
done

# The Jackson lever on its own: a diagnosis written with jackson-core's generator (the exchange's
# AnswerWriter) against Boot's data-binding mapper, warm (JMH) and cold (classes the first write loads, in
# a fresh JVM each), on the working tree's code.
log "JSON writing: generator against data binding"
./mvnw -q -B test-compile -Plocal,bench
./mvnw -q -B dependency:build-classpath -Plocal,bench -Dmdep.includeScope=test -Dmdep.outputFile="$work/bench.cp"
bench_cp="target/local/test-classes:target/local/classes:$(cat "$work/bench.cp")"
json=$work/json.tsv
: > "$json"
if [ "$runs" -gt 1 ]; then jmh_args=(-f 2 -wi 5 -w 1s -i 5 -r 1s); else jmh_args=(-f 1 -wi 0 -i 1 -r 100ms); fi
"$java25" -cp "$bench_cp" org.openjdk.jmh.Main "${jmh_args[@]}" -rf json -rff "$work/jmh.json" AnswerWritingBenchmark >&2
"$java25" -cp "$work/harness" Harness jmh "$work/jmh.json" > "$work/jmh.tsv"
while IFS=$'\t' read -r name min median max count; do
	printf '%s\twarm write, JMH (µs/op)\t%s (%s–%s, n=%s)\n' "${name##*.}" "$median" "$min" "$max" "$count" >> "$json"
done < "$work/jmh.tsv"
for way in generator databind; do
	classes=$("$java25" -cp "$bench_cp" org.heartdisease.api.AnswerWritingBenchmark "$way" | sed -E 's/.* ([0-9]+) classes.*/\1/')
	printf '%s\tclasses the first write loads (fresh JVM)\t%s\n' "$way" "$classes" >> "$json"
done

section=$work/section.md
{
	echo "<!-- startup.sh -->"
	echo "## Start-up before and after (issue 22, \"Load only what answers\")"
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "- Java 25: $java25; Java 17: $java17"
	echo "- command: \`$command_line\`: before = $before, after = $rev_after, each built by \`./mvnw clean package -DskipTests -P<profile>\` and its own profiles/local/cds.sh"
	echo
	echo "Each cell: median (min–max, n), launches alternated between the two sides."
	echo
	echo "| what | target | unit | before | after |"
	echo "|---|---|---|---:|---:|"
	awk -F'\t' '
		function cell(s) { if (!((k, s) in med)) return "—"; if (n[k, s] <= 1 || med[k, s] == "") return (med[k, s] == "") ? lo[k, s] : med[k, s]; return med[k, s] " (" lo[k, s] "–" hi[k, s] ", n=" n[k, s] ")" }
		{ if (!($2 in target)) { order[++count] = $2; target[$2] = $3; unit[$2] = $7 }
		  lo[$2, $1] = $4; med[$2, $1] = $5; hi[$2, $1] = $6; n[$2, $1] = $8 }
		END { for (i = 1; i <= count; i++) { k = order[i]; printf "| %s | %s | %s | %s | %s |\n", k, target[k], unit[k], cell("before"), cell("after") } }
	' "$rows"
	echo
	echo "Jackson: a diagnosis written with jackson-core's generator (the exchange's \`AnswerWriter\`) against Boot's data-binding mapper (\`src/bench/java/org/heartdisease/api/AnswerWritingBenchmark.java\`, Java 25; both write the same bytes):"
	echo
	echo "| way | what | figure |"
	echo "|---|---|---:|"
	awk -F'\t' '{ printf "| %s | %s | %s |\n", $1, $2, $3 }' "$json"
	echo "<!-- /startup.sh -->"
} > "$section"
mkdir -p "$(dirname "$out")"
if [ "$out" = profiles/bench/results.md ] && [ -f "$out" ]; then
	awk '/^<!-- startup.sh -->$/ { skip = 1 } !skip { print } /^<!-- \/startup.sh -->$/ { skip = 0 }' "$out" > "$work/rest.md"
	{ cat "$work/rest.md"; echo; cat "$section"; } | cat -s > "$out"
else
	cp "$section" "$out"
fi
cat "$section"
