#!/usr/bin/env bash
# Runs every test of every surface: each deployable is its own Maven profile, so each is built
# and verified in turn (the cloud profiles start their real runtimes in integration tests).
# Each profile builds into its own target/<profile>, so none needs another's clean.
set -euo pipefail
cd "$(dirname "$0")/.."
for profile in gcp aws local; do
	echo "==> ./mvnw -B clean verify -P$profile"
	./mvnw -B clean verify -P"$profile"
	profiles/bench/run.sh --collect "$profile"
done
# A smoke of the benchmark suite on the deployables just verified: that every measurement runs, with
# one launch and tiny durations. It measures nothing; profiles/bench/run.sh alone does.
echo "==> profiles/bench/run.sh --smoke --no-build"
profiles/bench/run.sh --smoke --no-build
