#!/usr/bin/env bash
# The batch-scoring rows of the benchmark: a CSV of 10,000, 100,000 and 1,000,000 rows generated from the
# Cleveland rows (an id column, then the 13 fields; the committed three sample rows when the data is
# absent), scored with the command (java -Xmx128m -jar local.jar --score) and through the score function
# of the Lambda zip under the runtime interface client (-Xmx128m) against S3Mock (S3ScoringBench). A
# heap capped at 128 MiB that completes 1,000,000 rows is the flat-memory proof; peak RSS is measured too.
#
#   profiles/bench/batch.sh            # rows on stdout (name, target, min, median, max, unit, n), log on stderr
#   profiles/bench/batch.sh --smoke    # 1,000 rows only: proves that it runs, measures nothing
#
# HEART_JAVA (default java) runs both; HEART_JAR (default .bench/deploy/local.jar, else target/local's) scores.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${BENCH_WORK:-$(pwd)/.bench}
sizes="10000 100000 1000000"
while [ $# -gt 0 ]; do
	case "$1" in
		--smoke) sizes="1000" ;;
		*) echo "unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
java=${HEART_JAVA:-java}
jar=${HEART_JAR:-$work/deploy/local.jar}
[ -e "$jar" ] || jar=target/local/heart-disease-function-1.0.0-SNAPSHOT.jar
[ -e "$jar" ] || { echo "no local jar: run ./mvnw -Plocal package or profiles/bench/run.sh" >&2; exit 1; }
log() { printf '==> %s\n' "$*" >&2; }
# GNU time (its peak RSS) comes from Debian.
if [ ! -x /usr/bin/time ]; then
	log "installing GNU time"
	apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@"; }
mkdir -p "$work/batch"

# The Cleveland rows as CSV with a header, ? as an empty cell; cycled to the size asked for.
dataset=datasets/processed.cleveland.data
[ -f "$dataset" ] || dataset=../shared/datasets/uci-heart-disease/processed.cleveland.data
generate() { # rows file
	local source=$dataset
	if [ ! -f "$source" ]; then
		source=$work/batch/sample.data
		printf '%s\n' '63.0,1.0,1.0,145.0,233.0,1.0,2.0,150.0,0.0,2.3,3.0,0.0,6.0,0' \
			'67.0,1.0,4.0,160.0,286.0,0.0,2.0,108.0,1.0,1.5,2.0,3.0,3.0,2' \
			'53.0,0.0,3.0,128.0,216.0,0.0,2.0,115.0,0.0,0.0,1.0,?,?,0' > "$source"
	fi
	awk -F, -v rows="$1" '
		{ gsub(/\r/, ""); sub(/,[^,]*$/, ""); gsub(/\?/, ""); line[n++] = $0 }
		END { print "id,age,sex,cp,trestbps,chol,fbs,restecg,thalach,exang,oldpeak,slope,ca,thal"
		      for (i = 0; i < rows; i++) print "p-" i "," line[i % n] }' "$source" > "$2"
}

# --- the command, three runs per size: wall time from launch to exit, and the peak RSS (GNU time)
for rows in $sizes; do
	input=$work/batch/rows-$rows.csv
	generate "$rows" "$input"
	: > "$work/batch/times.tsv"
	for _ in 1 2 3; do
		/usr/bin/time -f '%e %M' -o "$work/batch/time.txt" "$java" -Xmx128m -jar "$jar" --score="$input" \
			--output="$work/batch/scored.csv" --manifest="$work/batch/manifest.json" --quiet
		[ "$(($(wc -l < "$work/batch/scored.csv") - 1))" -eq "$rows" ] || { echo "not every row scored" >&2; exit 1; }
		read -r seconds kib < "$work/batch/time.txt"
		# The scorer's own time, from the manifest: the rows read, scored and written, without the JVM's start.
		scoring=$(grep -o '"durationMillis" : [0-9]*' "$work/batch/manifest.json" | grep -o '[0-9]*$')
		awk -v s="$seconds" -v k="$kib" -v r="$rows" -v m="$scoring" \
			'BEGIN { printf "%.0f\t%.1f\t%.0f\t%.0f\n", r / s, k / 1024, s * 1000, r * 1000 / (m > 0 ? m : 1) }' \
			>> "$work/batch/times.tsv"
	done
	log "--score $rows rows: $(tr '\n' ' ' < "$work/batch/times.tsv")"
	sorted() { cut -f"$1" "$work/batch/times.tsv" | sort -g | paste -sd' '; }
	read -r a b c <<< "$(sorted 3)"
	row "--score, $rows-row CSV, java -Xmx128m -jar, launch → exit" "" "$a" "$b" "$c" ms 3
	read -r a b c <<< "$(sorted 1)"
	row "--score, $rows-row CSV, rows/s launch to exit" "$([ "$rows" -eq 1000000 ] && echo '≥ 250,000')" "$a" "$b" "$c" rows/s 3
	read -r a b c <<< "$(sorted 4)"
	row "--score, $rows-row CSV, rows/s in the scorer (the manifest's durationMillis: no JVM start)" "" "$a" "$b" "$c" rows/s 3
	read -r a b c <<< "$(sorted 2)"
	row "--score, $rows-row CSV, peak RSS (heap capped at 128 MiB)" "" "$a" "$b" "$c" MiB 3
done
rm -f "$work"/batch/rows-*.csv "$work/batch/scored.csv" "$work/batch/manifest.json"

# --- the Lambda path: scoreLambda under the RIC against S3Mock, one process for every size
log "scoreLambda against S3Mock: $sizes rows"
[ -s target/aws/bench.classpath ] \
	|| ./mvnw -q -B -Paws dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/aws/bench.classpath
[ -e target/aws/s3mock/s3mock.jar ] || ./mvnw -q -B -Paws dependency:copy@s3mock
if [ ! -d target/aws/test-classes ] || ! compgen -G "target/aws/*-aws.zip" > /dev/null; then
	./mvnw -q -B -Paws package -DskipTests
fi
# Lambda's own JIT setting (C1 only, as LambdaProcess starts it), then the template's for ScoreFunction (C2).
for jit in c1 c2; do
	flags=""
	label="RIC, -Xmx128m, C1 as Lambda starts Java"
	if [ "$jit" = c2 ]; then flags="-XX:TieredStopAtLevel=4"; label="RIC, -Xmx128m, C2: the template's JAVA_TOOL_OPTIONS"; fi
	# shellcheck disable=SC2086 # the sizes are meant to split into arguments
	"$java" -Dbench.jvm="$flags" -Dlambda.package="$(compgen -G "target/aws/*-aws.zip")" -Ds3mock.jar=target/aws/s3mock/s3mock.jar \
		-cp "target/aws/test-classes:target/aws/classes:$(cat target/aws/bench.classpath)" org.heartdisease.aws.S3ScoringBench $sizes \
		| while read -r tag rows millis rate hwm; do
		[ "$tag" = RESULT ] || continue
		row "scoreLambda ($label) against S3Mock, $rows-row CSV, event → output uploaded" \
			"$([ "$rows" -eq 1000000 ] && echo '≤ 15 s')" "$millis" "" "" ms 1
		row "scoreLambda ($label) against S3Mock, $rows-row CSV, rows/s" "$([ "$rows" -eq 1000000 ] && echo '≥ 100,000')" \
			"$rate" "" "" rows/s 1
		row "scoreLambda ($label), the runtime's peak RSS after $rows rows" "" "$hwm" "" "" MiB 1
	done
done
