#!/usr/bin/env bash
# Trains the model from the built jar with the JVM flags that suit a short job on a small machine:
#
#   ./mvnw -q package -DskipTests && profiles/local/train.sh [--dataset=... and the other --train options]
#
# -XX:TieredStopAtLevel=1 keeps the JIT at C1: a training run lasts about a second, too short for
# C2's compilations to pay back the CPU they take from the trainer on 2 cores. -XX:+UseSerialGC
# spares the GC threads for the same reason. When profiles/local/cds.sh has written its archive, the
# extracted jar starts with it. Same artifact as java -jar ... --train; only the launch differs.
set -euo pipefail
jar=${HEART_JAR:-target/local/heart-disease-function-1.0.0-SNAPSHOT.jar}
cds=${HEART_CDS_DIR:-target/local/cds}
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
if [ -f "$cds/application.jsa" ] && [ -f "$cds/$(basename "$jar")" ]; then
	flags+=(-XX:SharedArchiveFile="$cds/application.jsa")
	jar=$cds/$(basename "$jar")
fi
exec java "${flags[@]}" -jar "$jar" --train "$@"
