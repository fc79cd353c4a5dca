#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Fetches the training data from a bucket object or a URL, and checks its SHA-256 when given one.
set -euo pipefail

usage() {
	cat <<'USAGE'
Usage: profiles/ci/fetch-data.sh --source SOURCE [options]

  --source SOURCE    gs://BUCKET/OBJECT, s3://BUCKET/KEY, https://URL or a local path
  --sha256 HEX       fail unless the data has this SHA-256 (64 hex digits)
  --output PATH      where to write it (default: datasets/processed.cleveland.data)
  --dry-run          print the commands instead of running them
  -h, --help         this text
USAGE
}

source=""
sha256=""
output_path="datasets/processed.cleveland.data"
DRY_RUN=false
while (($# > 0)); do
	case "$1" in
		--source) source="${2:?--source needs a value}"; shift 2 ;;
		--sha256) sha256="${2:?--sha256 needs a value}"; shift 2 ;;
		--output) output_path="${2:?--output needs a value}"; shift 2 ;;
		--dry-run) DRY_RUN=true; shift ;;
		-h | --help) usage; exit 0 ;;
		*) echo "fetch-data.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
	esac
done
[[ -n "$source" ]] || { echo "fetch-data.sh: --source is required" >&2; usage >&2; exit 2; }
if [[ -n "$sha256" && ! "$sha256" =~ ^[0-9a-fA-F]{64}$ ]]; then
	echo "fetch-data.sh: --sha256 must be 64 hexadecimal digits, not '$sha256'" >&2
	exit 2
fi

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

mkdir -p "$(dirname "$output_path")"
case "$source" in
	gs://* | s3://*) storage_cp "$source" "$output_path" ;;
	https://*) run curl --fail --silent --show-error --location --proto '=https' --retry 3 --max-time 120 \
		--output "$output_path" "$source" ;;
	http://*) echo "fetch-data.sh: refusing plain http; use https, gs:// or s3://" >&2; exit 2 ;;
	*) run cp "$source" "$output_path" ;;
esac

if [[ -z "$sha256" ]]; then
	echo "fetch-data.sh: no --sha256 given, the data is not checked" >&2
elif [[ "$DRY_RUN" == true ]]; then
	note "then check that sha256sum $output_path is ${sha256,,}"
else
	actual="$(sha256sum "$output_path" | cut -d' ' -f1)"
	if [[ "$actual" != "${sha256,,}" ]]; then
		rm -f "$output_path"
		die "SHA-256 mismatch for $source: expected ${sha256,,}, got $actual"
	fi
	echo "fetch-data.sh: $output_path has the expected SHA-256 $actual" >&2
fi
