#!/usr/bin/env bash
# Trains the model from the built jar with the JVM flags that suit a short job on a small machine:
#
#   ./mvnw -q package -DskipTests && profiles/local/train.sh [--dataset=... and the other --train options]
#
# -XX:TieredStopAtLevel=1 keeps the JIT at C1: a training run lasts about a second, too short for
# C2's compilations to pay back the CPU they take from the trainer on 2 cores. -XX:+UseSerialGC
# spares the GC threads for the same reason. When profiles/local/cds.sh has extracted the jar, the
# extracted jar starts with a class-data archive of its own for training: the first successful
# training run records it (training.jsa beside the serving archive; cds.sh's next run drops it with
# the directory), later runs start from it. It holds what serving never loads, Hibernate Validator
# for the options above all. Same artifact as java -jar ... --train; only the launch differs. The java
# is the PATH's, or HEART_JAVA (the benchmark runs it on each JDK it compares).
set -euo pipefail
jar=${HEART_JAR:-target/local/heart-disease-function-1.0.0-SNAPSHOT.jar}
cds=${HEART_CDS_DIR:-target/local/cds}
java=${HEART_JAVA:-java}
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
if [ ! -f "$cds/$(basename "$jar")" ]; then
	exec "$java" "${flags[@]}" -jar "$jar" --train "$@"
fi
# An extraction older than the jar holds older code: train with the jar as built.
if [ "$jar" -nt "$cds/$(basename "$jar")" ]; then
	echo "train.sh: $cds is older than $jar (run profiles/local/cds.sh again); starting without it" >&2
	exec "$java" "${flags[@]}" -jar "$jar" --train "$@"
fi
# An absolute path: the archive records the class path as given, and is refused under another spelling.
jar=$(cd "$cds" && pwd)/$(basename "$jar")
archive=$cds/training.jsa
if [ -f "$archive" ]; then
	exec "$java" "${flags[@]}" -XX:SharedArchiveFile="$archive" -jar "$jar" --train "$@"
fi
# No archive yet: this run records one, kept only if it trained (not --help, not a failed run).
keep=true
case " $* " in *" --help "*) keep=false ;; esac
status=0
"$java" "${flags[@]}" -XX:ArchiveClassesAtExit="$archive.tmp" -Xlog:cds=off -jar "$jar" --train "$@" || status=$?
if $keep && [ "$status" = 0 ] && [ -f "$archive.tmp" ]; then mv "$archive.tmp" "$archive"; else rm -f "$archive.tmp"; fi
exit "$status"
