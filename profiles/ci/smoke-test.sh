#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Smoke-tests a deployed endpoint: the example patient must be "clear" (200), an invalid payload
# must be refused with a 400; with --model, the answer must name that artifact's trainedAt.
# Credentials go to curl through a private config file, never on a command line or in the log.
set -euo pipefail

usage() {
	cat <<'USAGE'
Usage: profiles/ci/smoke-test.sh --url URL [options]

  --url URL           the endpoint: a Cloud Function (Cloud Run) URL, a Lambda Function URL,
                      or http://localhost:8080/predict for the local server
  --auth MODE         gcp: an identity token from gcloud (private functions, the default there);
                      aws: SigV4 with the AWS_* credentials in the environment (AuthType AWS_IAM);
                      none: no credentials (default)
  --audience AUD      gcp: the identity token's audience (default: the URL)
  --region REGION     aws: the function's region (default: $AWS_REGION or eu-west-1)
  --payload FILE      the example patient (default: src/test/resources/payloads/example.json)
  --model PATH        also require the answer's model.trainedAt to be this artifact's
  --dry-run           print the commands instead of running them
  -h, --help          this text
USAGE
}

url=""
auth="none"
audience=""
region="${AWS_REGION:-eu-west-1}"
payload="src/test/resources/payloads/example.json"
model=""
DRY_RUN=false
while (($# > 0)); do
	case "$1" in
		--url) url="${2:?--url needs a value}"; shift 2 ;;
		--auth) auth="${2:?--auth needs a value}"; shift 2 ;;
		--audience) audience="${2:?--audience needs a value}"; shift 2 ;;
		--region) region="${2:?--region needs a value}"; shift 2 ;;
		--payload) payload="${2:?--payload needs a value}"; shift 2 ;;
		--model) model="${2:?--model needs a value}"; shift 2 ;;
		--dry-run) DRY_RUN=true; shift ;;
		-h | --help) usage; exit 0 ;;
		*) echo "smoke-test.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
	esac
done
# Plain http only to this machine (a local server, for a rehearsal).
if [[ ! "$url" =~ ^(https://|http://(localhost|127\.0\.0\.1)[:/]) ]]; then
	echo "smoke-test.sh: --url must be an https:// URL (or http://localhost), not '$url'" >&2
	exit 2
fi
case "$auth" in gcp | aws | none) ;; *) echo "smoke-test.sh: --auth must be gcp, aws or none" >&2; exit 2 ;; esac

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
config="$work/curl.config"
(umask 077 && : >"$config")
invalid="$work/invalid.json"
printf '%s\n' '{"age":"63","sex":1,"cp":0,"bmi":31}' >"$invalid"

auth_options=()
case "$auth" in
	gcp)
		if [[ "$DRY_RUN" == true ]]; then
			print_command gcloud auth print-identity-token --audiences="${audience:-$url}"
			note "its output goes to curl as 'header = \"Authorization: Bearer …\"' in $config"
		else
			token="$(gcloud auth print-identity-token --audiences="${audience:-$url}")"
			printf 'header = "Authorization: Bearer %s"\n' "$token" >>"$config"
		fi
		;;
	aws)
		note "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN go to curl as 'user = …' and 'header = \"x-amz-security-token: …\"' in $config"
		if [[ "$DRY_RUN" != true ]]; then
			: "${AWS_ACCESS_KEY_ID:?aws auth needs AWS credentials in the environment}" "${AWS_SECRET_ACCESS_KEY:?}"
			printf 'user = "%s:%s"\n' "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" >>"$config"
			if [[ -n "${AWS_SESSION_TOKEN:-}" ]]; then
				printf 'header = "x-amz-security-token: %s"\n' "$AWS_SESSION_TOKEN" >>"$config"
			fi
		fi
		auth_options=(--aws-sigv4 "aws:amz:$region:lambda")
		;;
esac

# Posts a file; prints the status code, leaves the body in $work/body.
post() {
	run curl --silent --show-error --max-time 60 --retry 2 --config "$config" "${auth_options[@]}" \
		--header 'Content-Type: application/json' --data-binary "@$1" \
		--output "$work/body" --write-out '%{http_code}' "$url"
}

failures=0
check() {
	local what="$1" expected_status="$2" expected_body="$3" status
	if [[ "$DRY_RUN" == true ]]; then
		post "$4"
		note "expect HTTP $expected_status and a body containing $expected_body"
		return
	fi
	rm -f "$work/body"
	status="$(post "$4")" || status="none (curl failed with exit code $?)"
	[[ -f "$work/body" ]] || : >"$work/body"
	if [[ "$status" == "$expected_status" ]] && grep -qF -- "$expected_body" "$work/body"; then
		echo "ok: $what: HTTP $status"
	else
		echo "FAILED: $what: expected HTTP $expected_status with $expected_body, got HTTP $status: $(head -c 500 "$work/body")" >&2
		failures=$((failures + 1))
	fi
}

check "example patient" 200 '"diagnosis":"clear"' "$payload"
if [[ -n "$model" ]]; then
	trained_at="$(jq -er .trainedAt "$model")"
	if [[ "$DRY_RUN" == true ]]; then
		note "and \"trainedAt\":\"$trained_at\" (the model of $model)"
	elif ! grep -qF "\"trainedAt\":\"$trained_at\"" "$work/body"; then
		echo "FAILED: the answer does not come from $model (trainedAt $trained_at): $(head -c 500 "$work/body")" >&2
		failures=$((failures + 1))
	fi
fi
check "invalid payload" 400 '"status":400' "$invalid"

if ((failures > 0)); then
	die "$failures check(s) failed against $url"
fi
[[ "$DRY_RUN" == true ]] || echo "smoke-test.sh: $url answers as expected"
