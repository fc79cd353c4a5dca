#!/usr/bin/env bash
# Runs every test once: each deployable is its own Maven profile, built into its own target/<profile>
# and verified in turn. The cloud profiles run only their own surface's tests (and start their real
# runtimes in integration tests); the local profile runs the core suite (src/test) and the local
# surface's tests; the kafka profile runs its own against a real (embedded KRaft) broker and its
# packaged scorer against a broker process. Each profile's clean removes only its own target/<profile>.
set -euo pipefail
cd "$(dirname "$0")/.."
for profile in gcp aws kafka local; do
	echo "==> ./mvnw -B clean verify -P$profile"
	./mvnw -B clean verify -P"$profile"
	profiles/bench/run.sh --collect "$profile"
done
# A smoke of the benchmark suite on the deployables just verified: that every measurement runs, with
# one launch and tiny durations. It measures nothing; profiles/bench/run.sh alone does.
echo "==> profiles/bench/run.sh --smoke --no-build"
profiles/bench/run.sh --smoke --no-build
