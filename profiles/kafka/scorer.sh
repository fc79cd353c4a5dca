#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Runs the scorer (the kafka profile's jar, built if missing; HEART_JAR names another) against the broker
# of broker.sh, on a 128 MiB heap, with the JDK 25 the build uses when there is one (HEART_JAVA names
# another). Further arguments are settings, e.g. --heart.kafka.concurrency=4 or
# --spring.profiles.active=at-least-once (see the README's "Stream scoring on Kafka").
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=profiles/local/java.sh
. profiles/local/java.sh
jar=${HEART_JAR:-target/kafka/heart-disease-function-1.0.0-SNAPSHOT.jar}
[ -e "$jar" ] || ./mvnw -q -B -Pkafka package -DskipTests
exec "$(heart_java)" -Xmx128m -jar "$jar" --heart.kafka.bootstrap-servers="$bootstrap" "$@"
