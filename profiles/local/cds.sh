#!/usr/bin/env bash
# Prepares the local server for a fast start, by Spring Boot's documented class-data sharing (CDS) flow:
# the jar is extracted (the layout CDS needs), then one training run that stops once the context is
# refreshed records every class loaded into a JDK archive.
#
#   ./mvnw package && profiles/local/cds.sh        # writes target/cds/
#   java -XX:SharedArchiveFile=target/cds/application.jsa -Dspring.aot.enabled=true \
#        -XX:+UseSerialGC -Xmx96m -Xss512k -XX:ReservedCodeCacheSize=48m \
#        -jar target/cds/heart-disease-function-1.0.0-SNAPSHOT.jar
#
# The last four flags are not about start-up: they keep the resident memory under 200 MiB (the JVM's
# defaults on a large machine let the heap grow to hundreds of MiB for a model of a few KiB), with
# no loss of throughput measured under wrk (profiles/bench/README.md).
# The archive belongs to this JDK build and to this jar: rebuild it after either changes (a JVM that
# cannot use it says so and starts without it). spring.aot.enabled uses the start-up code that Spring
# AOT generated at build time (process-aot); it serves only: --train runs without it.
set -euo pipefail
jar=${1:-target/heart-disease-function-1.0.0-SNAPSHOT.jar}
dir=${2:-target/cds}
rm -rf "$dir"
java -Djarmode=tools -jar "$jar" extract --destination "$dir"
java -XX:ArchiveClassesAtExit="$dir/application.jsa" -Dspring.context.exit=onRefresh -Dspring.aot.enabled=true \
	-jar "$dir/$(basename "$jar")" --server.port=0 --logging.level.root=WARN
echo "CDS archive: $dir/application.jsa"
