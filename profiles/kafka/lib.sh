#!/usr/bin/env bash
# Shared by the scripts in profiles/kafka: the broker's port and the classpath of Kafka's own classes
# (the broker, its storage tool and console clients), resolved once by the Maven wrapper.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
port=${KAFKA_PORT:-9092}
export bootstrap=localhost:$port
classpath_file=target/kafka/broker.classpath
if [ ! -s "$classpath_file" ]; then
	./mvnw -q -B -Pkafka dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
fi
classpath=$(cat "$classpath_file")
export classpath
# Java options for Kafka's tools (not the scorer): warnings only, on stderr.
tool_logging=-Dlogback.configurationFile=$(pwd)/profiles/kafka/tools-logback.xml
export tool_logging
