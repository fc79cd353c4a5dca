#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Publishes a trained model under its run id, never overwriting a run: the artifact, its model card
# and plots when present, and metrics.json (written last: its presence marks a complete run).
# --promote then makes PREFIX/latest/ an exact copy of a published run.
set -euo pipefail

usage() {
	cat <<'USAGE'
Usage: profiles/ci/publish.sh --prefix gs://…|s3://… --run-id ID [options]

  --prefix PREFIX    versioned storage prefix; a run goes to PREFIX/runs/ID/
  --run-id ID        the run's id (letters, digits, '.', '_', '-'), e.g. GitHub's run id and attempt
  --model-dir DIR    where the artifact, heart-disease.md and *.svg are (default: model)
  --promote          instead of publishing, copy PREFIX/runs/ID/ to PREFIX/latest/ (exactly: files
                     absent from the run are removed from latest/)
  --dry-run          print the cloud commands instead of running them (the files are still staged)
  -h, --help         this text
USAGE
}

prefix=""
run_id=""
model_dir="model"
promote=false
DRY_RUN=false
while (($# > 0)); do
	case "$1" in
		--prefix) prefix="${2:?--prefix needs a value}"; shift 2 ;;
		--run-id) run_id="${2:?--run-id needs a value}"; shift 2 ;;
		--model-dir) model_dir="${2:?--model-dir needs a value}"; shift 2 ;;
		--promote) promote=true; shift ;;
		--dry-run) DRY_RUN=true; shift ;;
		-h | --help) usage; exit 0 ;;
		*) echo "publish.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
	esac
done

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

[[ -n "$prefix" ]] || { echo "publish.sh: --prefix is required" >&2; exit 2; }
prefix="$(storage_prefix "$prefix")"
require_run_id publish.sh "$run_id"
run_dir="$prefix/runs/$run_id"

if [[ "$promote" == true ]]; then
	if ! storage_exists "$run_dir/metrics.json" && [[ "$DRY_RUN" != true ]]; then
		die "$run_dir/ is not a complete published run (no metrics.json); nothing promoted"
	fi
	storage_mirror "$run_dir/" "$prefix/latest/"
	exit 0
fi

artifact="$model_dir/heart-disease.json"
[[ -f "$artifact" ]] || die "$artifact does not exist; train first (java -jar … --train)"

# Stage exactly what is published, so the uploads below name real files.
staging="target/publish/$run_id"
rm -rf "$staging"
mkdir -p "$staging"
cp "$artifact" "$staging/"
shopt -s nullglob
for extra in "$model_dir/heart-disease.md" "$model_dir"/*.svg; do
	if [[ -f "$extra" ]]; then
		cp "$extra" "$staging/"
	fi
done
commit="${GITHUB_SHA:-$(git rev-parse HEAD 2>/dev/null || echo unknown)}"
jq --arg runId "$run_id" --arg commit "$commit" --arg publishedAt "$(date -u +%Y-%m-%dT%H:%M:%SZ)" '{
	runId: $runId, commit: $commit, publishedAt: $publishedAt,
	trainedAt, contentSha256, tag,
	crossValidationRocAuc: .evaluation.crossValidation.rocAuc.mean,
	holdoutRocAuc: .evaluation.holdout.rocAuc,
	evaluation,
	dataset: {source: .dataset.source, sha256: .dataset.sha256, rows: .dataset.rows}
}' "$artifact" >"$staging/metrics.json"
note "staged in $staging: $(cd "$staging" && echo *)"

if storage_exists "$run_dir/"; then
	die "$run_dir/ exists already; a published run is never overwritten (use another --run-id)"
fi
for file in "$staging"/*; do
	[[ "$(basename "$file")" == metrics.json ]] || storage_put_new "$file" "$run_dir/$(basename "$file")"
done
storage_put_new "$staging/metrics.json" "$run_dir/metrics.json"
output published "$run_dir/"
