#!/usr/bin/env bash
# Deploys the heart-disease function to Google Cloud Functions (2nd gen) from target/deploy.
# Build first: ./mvnw -Pgcp package. See profiles/gcp/README.md.
set -euo pipefail

usage() {
	cat <<'USAGE'
Usage: profiles/gcp/deploy.sh [options]

  --name NAME            function name (default: heart-disease)
  --region REGION        region (default: $CLOUDSDK_FUNCTIONS_REGION or europe-west1)
  --memory SIZE          memory per instance (default: 512Mi)
  --min-instances N      instances kept warm, billed while idle (default: 0)
  --max-instances N      cap on instances (default: 3)
  --timeout SECONDS      request timeout (default: 60s)
  --public               allow unauthenticated calls (default: callers need an identity token)
  --dry-run              print the gcloud command instead of running it
  -h, --help             this text
USAGE
}

name="heart-disease"
region="${CLOUDSDK_FUNCTIONS_REGION:-europe-west1}"
memory="512Mi"
min_instances="0"
max_instances="3"
timeout="60s"
access="--no-allow-unauthenticated"
dry_run=false

while (($# > 0)); do
	case "$1" in
		--name) name="${2:?--name needs a value}"; shift 2 ;;
		--region) region="${2:?--region needs a value}"; shift 2 ;;
		--memory) memory="${2:?--memory needs a value}"; shift 2 ;;
		--min-instances) min_instances="${2:?--min-instances needs a value}"; shift 2 ;;
		--max-instances) max_instances="${2:?--max-instances needs a value}"; shift 2 ;;
		--timeout) timeout="${2:?--timeout needs a value}"; shift 2 ;;
		--public) access="--allow-unauthenticated"; shift ;;
		--dry-run) dry_run=true; shift ;;
		-h | --help) usage; exit 0 ;;
		*) echo "deploy.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
	esac
done

# Run from the project root whatever the caller's directory: --source is relative to it.
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

command=(gcloud functions deploy "$name"
	--gen2
	--runtime java17
	--entry-point org.springframework.cloud.function.adapter.gcp.GcfJarLauncher
	--source target/deploy
	--trigger-http
	"$access"
	--region "$region"
	--memory "$memory"
	--min-instances "$min_instances"
	--max-instances "$max_instances"
	--timeout "$timeout")

if [[ "$dry_run" == true ]]; then
	printf '%q' "${command[0]}"
	printf ' %q' "${command[@]:1}"
	printf '\n'
	exit 0
fi

shopt -s nullglob
jars=(target/deploy/*.jar)
if ((${#jars[@]} != 1)); then
	echo "deploy.sh: expected exactly one jar in target/deploy, found ${#jars[@]}; run ./mvnw -Pgcp package" >&2
	exit 1
fi

"${command[@]}"
