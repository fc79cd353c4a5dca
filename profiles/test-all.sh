#!/usr/bin/env bash
# Runs every test of every surface: each deployable is its own Maven profile, so each is built
# and verified in turn (the cloud profiles start their real runtimes in integration tests).
# The local build goes last, leaving target/ ready for ./mvnw spring-boot:run.
set -euo pipefail
cd "$(dirname "$0")/.."
for profile in gcp aws local; do
	echo "==> ./mvnw -B clean verify -P$profile"
	./mvnw -B clean verify -P"$profile"
done
