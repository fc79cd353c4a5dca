#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Starts a single-node Kafka broker in KRaft mode (broker and controller in one process) on
# localhost:${KAFKA_PORT:-9092}, in the foreground, its data in ${KAFKA_DIR:-target/kafka/broker}.
# PLAINTEXT: for this machine only. Ctrl-C stops it; the data stays (until ./mvnw -Pkafka clean for the
# default directory), so a broker started again on the same directory and ports carries on where it was.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
controller=${KAFKA_CONTROLLER_PORT:-$((port + 1))}
dir=${KAFKA_DIR:-$(pwd)/target/kafka/broker}
mkdir -p "$dir"
cat > "$dir/server.properties" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:$controller
listeners=PLAINTEXT://localhost:$port,CONTROLLER://localhost:$controller
advertised.listeners=PLAINTEXT://localhost:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=4
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES
if [ ! -e "$dir/data/meta.properties" ]; then
	cluster=$(java "$tool_logging" -cp "$classpath" kafka.tools.StorageTool random-uuid)
	java "$tool_logging" -cp "$classpath" kafka.tools.StorageTool format -t "$cluster" -c "$dir/server.properties"
fi
exec java -Xmx512m "$tool_logging" -cp "$classpath" kafka.Kafka "$dir/server.properties"
