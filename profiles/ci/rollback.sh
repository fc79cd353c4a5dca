#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Rolls the served model back to a published run: fetches that run's artifact into model/,
# rebuilds and redeploys the chosen clouds with it, then makes it PREFIX/latest/ again.
set -euo pipefail

usage() {
	cat <<'USAGE'
Usage: profiles/ci/rollback.sh --prefix gs://…|s3://… --run-id ID [--gcp] [--aws] [options]

  --prefix PREFIX      the published models' storage prefix
  --run-id ID          the published run to serve again (see PREFIX/runs/)
  --gcp                redeploy Google Cloud Functions (profiles/gcp/deploy.sh)
  --aws                redeploy AWS Lambda (profiles/aws/deploy.sh)
  --stack-name NAME    AWS stack (default: heart-disease)
  --function NAME      GCP function (default: heart-disease)
  --dry-run            print the commands instead of running them
  -h, --help           this text

The code deployed is this checkout's; only the model is the run's.
USAGE
}

prefix=""
run_id=""
gcp=false
aws=false
stack="heart-disease"
function_name="heart-disease"
DRY_RUN=false
while (($# > 0)); do
	case "$1" in
		--prefix) prefix="${2:?--prefix needs a value}"; shift 2 ;;
		--run-id) run_id="${2:?--run-id needs a value}"; shift 2 ;;
		--gcp) gcp=true; shift ;;
		--aws) aws=true; shift ;;
		--stack-name) stack="${2:?--stack-name needs a value}"; shift 2 ;;
		--function) function_name="${2:?--function needs a value}"; shift 2 ;;
		--dry-run) DRY_RUN=true; shift ;;
		-h | --help) usage; exit 0 ;;
		*) echo "rollback.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
	esac
done

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

[[ -n "$prefix" ]] || { echo "rollback.sh: --prefix is required" >&2; exit 2; }
prefix="$(storage_prefix "$prefix")"
require_run_id rollback.sh "$run_id"
run_dir="$prefix/runs/$run_id"
dry=()
[[ "$DRY_RUN" == true ]] && dry=(--dry-run)

if ! storage_exists "$run_dir/metrics.json" && [[ "$DRY_RUN" != true ]]; then
	die "$run_dir/ is not a complete published run (no metrics.json)"
fi
storage_cp "$run_dir/heart-disease.json" model/heart-disease.json
if [[ "$gcp" == true ]]; then
	run ./mvnw -B -q clean package -Pgcp -DskipTests
	profiles/gcp/deploy.sh --name "$function_name" "${dry[@]}"
fi
if [[ "$aws" == true ]]; then
	run ./mvnw -B -q clean package -Paws -DskipTests
	profiles/aws/deploy.sh --stack-name "$stack" "${dry[@]}"
fi
profiles/ci/publish.sh --prefix "$prefix" --run-id "$run_id" --promote "${dry[@]}"
