#!/usr/bin/env bash
# Sends a UCI .data file (such as processed.cleveland.data) to a running server's POST /predict, 100
# patients a request, so that its meters (/actuator/prometheus) count them as served ones:
#
#   profiles/local/send.sh datasets/processed.cleveland.data [http://localhost:8080]
#
# Each row's 13 fields become a payload ("?" a missing value, the 14th column, the label, is left out).
# Prints how many requests were answered by status; exits 1 when any request failed to connect.
set -euo pipefail
file=${1:?usage: send.sh FILE.data [URL]}
url=${2:-http://localhost:8080}
batch=$(mktemp -d)
trap 'rm -rf "$batch"' EXIT
awk -F, -v dir="$batch" '
	BEGIN { split("age sex cp trestbps chol fbs restecg thalach exang oldpeak slope ca thal", names, " ") }
	NF >= 13 {
		out = sprintf("%s/%06d.json", dir, int(n / 100))
		printf "%s{", (n % 100 == 0) ? "[" : "," > out
		for (i = 1; i <= 13; i++) {
			value = ($i == "?" || $i == "") ? "null" : $i
			printf "%s\"%s\":%s", (i > 1) ? "," : "", names[i], value > out
		}
		printf "}" > out
		n++
		if (n % 100 == 0) { printf "]\n" > out; close(out) }
	}
	END { if (n % 100 != 0) printf "]\n" > out }
' "$file"
declare -A statuses=()
for body in "$batch"/*.json; do
	status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$body" \
		"$url/predict") || status=failed
	statuses[$status]=$(( ${statuses[$status]:-0} + 1 ))
done
for status in "${!statuses[@]}"; do
	echo "$status: ${statuses[$status]} requests"
done
[ -z "${statuses[failed]:-}" ] && [ -z "${statuses[000]:-}" ]
