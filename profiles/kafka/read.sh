#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Reads what the scorer committed, with Kafka's console consumer (read_committed), key and headers
# shown; or shows the scorer group's consumer lag:
#   profiles/kafka/read.sh answers        # heart-answers, from the beginning (Ctrl-C to stop)
#   profiles/kafka/read.sh dead-letters   # heart-dead-letters: the problem, and the original in headers
#   profiles/kafka/read.sh lag            # per partition: committed offset, log end, LAG
set -euo pipefail
what=${1:?usage: read.sh answers|dead-letters|lag}
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
case "$what" in
	answers | dead-letters)
		exec java "$tool_logging" -cp "$classpath" org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$bootstrap" \
			--topic "heart-$what" --from-beginning --isolation-level read_committed \
			--property print.key=true --property print.headers=true ;;
	lag)
		exec java "$tool_logging" -cp "$classpath" org.apache.kafka.tools.consumer.group.ConsumerGroupCommand \
			--bootstrap-server "$bootstrap" --describe --group "${2:-heart-scorer}" ;;
	*) echo "unknown: $what (answers, dead-letters or lag)" >&2; exit 2 ;;
esac
