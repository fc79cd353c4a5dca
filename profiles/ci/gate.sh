#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# The quality gate: fetches the published model (PREFIX/latest/heart-disease.json) and lets the
# application's --gate compare the candidate with it; exits 1 when the candidate must not replace it.
set -euo pipefail

usage() {
	cat <<'USAGE'
Usage: profiles/ci/gate.sh --candidate PATH (--prefix gs://…|s3://… | --published PATH|none) [options]

  --candidate PATH     the newly trained artifact (default: model/heart-disease.json)
  --prefix PREFIX      the published models' storage prefix; compares with PREFIX/latest/heart-disease.json
                       (none is published yet when it is absent)
  --published PATH     compare with this local artifact instead, or none
  --min-cv-auc AUC     floor of the candidate's cross-validated ROC AUC (default 0.85)
  --max-drop AUC       how far below the published model's it may fall (default 0.02)
  --jar PATH           the application jar (default: target/local/heart-disease-function-1.0.0-SNAPSHOT.jar)
  --dry-run            print the commands instead of running them
  -h, --help           this text
USAGE
}

candidate="model/heart-disease.json"
prefix=""
published=""
min_cv_auc="0.85"
max_drop="0.02"
jar="target/local/heart-disease-function-1.0.0-SNAPSHOT.jar"
DRY_RUN=false
while (($# > 0)); do
	case "$1" in
		--candidate) candidate="${2:?--candidate needs a value}"; shift 2 ;;
		--prefix) prefix="${2:?--prefix needs a value}"; shift 2 ;;
		--published) published="${2:?--published needs a value}"; shift 2 ;;
		--min-cv-auc) min_cv_auc="${2:?--min-cv-auc needs a value}"; shift 2 ;;
		--max-drop) max_drop="${2:?--max-drop needs a value}"; shift 2 ;;
		--jar) jar="${2:?--jar needs a value}"; shift 2 ;;
		--dry-run) DRY_RUN=true; shift ;;
		-h | --help) usage; exit 0 ;;
		*) echo "gate.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
	esac
done

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if [[ -n "$prefix" && -n "$published" ]] || [[ -z "$prefix" && -z "$published" ]]; then
	echo "gate.sh: give exactly one of --prefix and --published" >&2
	exit 2
fi
if [[ -n "$prefix" ]]; then
	prefix="$(storage_prefix "$prefix")"
	latest="$prefix/latest/heart-disease.json"
	published="target/gate/published-heart-disease.json"
	mkdir -p target/gate
	rm -f "$published"
	if [[ "$DRY_RUN" == true ]]; then
		storage_exists "$latest" || true
		note "if it lists the object (else --published=none):"
		storage_cp "$latest" "$published"
	elif storage_exists "$latest"; then
		storage_cp "$latest" "$published"
	else
		echo "gate.sh: no model is published at $latest yet; the candidate is checked against the floor only" >&2
		published="none"
	fi
fi

run java -jar "$jar" --gate --candidate="$candidate" --published="$published" --min-cv-auc="$min_cv_auc" --max-drop="$max_drop"
