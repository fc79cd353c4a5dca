#!/usr/bin/env bash
# Shared by the delivery scripts (sourced, not run): --dry-run printing, and storage commands that
# work alike on gs:// (gcloud storage) and s3:// (aws) prefixes.

# true: print each cloud command instead of running it.
DRY_RUN="${DRY_RUN:-false}"

# Prints a command the way a shell would read it back.
print_command() {
	printf '%q' "$1"
	if (($# > 1)); then
		printf ' %q' "${@:2}"
	fi
	printf '\n'
}

# Runs a command, or under --dry-run prints it to stdout. When run, the command is echoed to stderr
# first (never pass a secret as an argument: use a file, as smoke-test.sh does).
run() {
	if [[ "$DRY_RUN" == true ]]; then
		print_command "$@"
		return 0
	fi
	printf '+ ' >&2
	print_command "$@" >&2
	"$@"
}

# capture NAME PLACEHOLDER COMMAND...: sets NAME to the command's output; under --dry-run prints
# the command and sets NAME to PLACEHOLDER instead.
capture() {
	local name="$1" placeholder="$2" value
	shift 2
	if [[ "$DRY_RUN" == true ]]; then
		print_command "$@"
		value="$placeholder"
	else
		printf '+ ' >&2
		print_command "$@" >&2
		value="$("$@")"
	fi
	printf -v "$name" '%s' "$value"
}

# Prints a note under --dry-run (what the script would do with a command's answer).
note() {
	if [[ "$DRY_RUN" == true ]]; then
		printf '# %s\n' "$*"
	fi
}

die() {
	printf '%s: %s\n' "$(basename "$0")" "$*" >&2
	exit 1
}

# Refuses anything but a gs:// or s3:// prefix, and prints it without a trailing slash.
storage_prefix() {
	case "$1" in
		gs://?* | s3://?*) printf '%s\n' "${1%/}" ;;
		*) echo "$(basename "$0"): the prefix must start with gs:// or s3://, not '$1'" >&2; exit 2 ;;
	esac
}

# Succeeds when an object, or any object under a prefix ending in /, exists. Under --dry-run it
# prints the listing command and answers "absent".
storage_exists() {
	if [[ "$DRY_RUN" == true ]]; then
		case "$1" in
			gs://*) print_command gcloud storage ls "$1" ;;
			s3://*) print_command aws s3 ls "$1" ;;
		esac
		return 1
	fi
	case "$1" in
		gs://*) gcloud storage ls "$1" >/dev/null 2>&1 ;;
		s3://*) [[ -n "$(aws s3 ls "$1" 2>/dev/null)" ]] ;;
	esac
}

# Copies between a local path and storage, or within storage; overwrites.
storage_cp() {
	case "$1$2" in
		*gs://*) run gcloud storage cp "$1" "$2" ;;
		*s3://*) run aws s3 cp "$1" "$2" ;;
		*) die "storage_cp needs a gs:// or s3:// side: $1 $2" ;;
	esac
}

# Uploads a local file only if the object does not exist yet, atomically on the service's side:
# a generation precondition of 0 on GCS, If-None-Match: * on S3. A run is never overwritten.
storage_put_new() {
	local file="$1" url="$2"
	case "$url" in
		gs://*) run gcloud storage cp --if-generation-match=0 "$file" "$url" ;;
		s3://*)
			local rest="${url#s3://}"
			run aws s3api put-object --bucket "${rest%%/*}" --key "${rest#*/}" --body "$file" --if-none-match '*'
			;;
	esac
}

# Makes the destination prefix hold exactly the source prefix's objects.
storage_mirror() {
	case "$1" in
		gs://*) run gcloud storage rsync --recursive --delete-unmatched-destination-objects "$1" "$2" ;;
		s3://*) run aws s3 sync --delete "$1" "$2" ;;
	esac
}

# Writes key=value to $GITHUB_OUTPUT when running in GitHub Actions, and to stdout always.
output() {
	printf '%s=%s\n' "$1" "$2"
	if [[ -n "${GITHUB_OUTPUT:-}" && "$DRY_RUN" != true ]]; then
		printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
	fi
}

# require_run_id SCRIPT RUN_ID: exits 2 unless the run id is safe in a storage path.
require_run_id() {
	if [[ ! "$2" =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]]; then
		echo "$1: --run-id must be letters, digits, '.', '_' or '-', not '$2'" >&2
		exit 2
	fi
}
