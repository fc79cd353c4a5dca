#!/usr/bin/env bash
# Starts the local server as profiles/local/cds.sh prepared it: the extracted jar, with the java, the
# start-up cache, the flags and the jar cds.sh recorded (java.path, jvm.args). Arguments go to the application:
#
#   ./mvnw -q package -DskipTests && profiles/local/cds.sh && profiles/local/serve.sh [--server.port=8081]
set -euo pipefail
dir=${HEART_CDS_DIR:-target/local/cds}
if [ ! -f "$dir/jvm.args" ] || [ ! -f "$dir/java.path" ]; then
	echo "serve.sh: $dir holds no prepared launch; run profiles/local/cds.sh first" >&2
	exit 1
fi
exec "$(cat "$dir/java.path")" @"$dir/jvm.args" "$@"
