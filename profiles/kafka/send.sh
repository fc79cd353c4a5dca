#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Sends a file of payloads, one JSON payload (or batch) per line, to the input topic, with Kafka's
# console producer:  profiles/kafka/send.sh payloads.jsonl [topic]
set -euo pipefail
file=${1:?usage: send.sh FILE [TOPIC]}
file=$(realpath "$file")
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
java "$tool_logging" -cp "$classpath" kafka.tools.ConsoleProducer --bootstrap-server "$bootstrap" \
	--topic "${2:-heart-payloads}" --producer-property acks=all < "$file"
