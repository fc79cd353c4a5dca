#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Deploys the heart-disease function to AWS Lambda with SAM from the Maven-built zip.
# Build first: ./mvnw -Paws package. See profiles/aws/README.md.
#
# The stack publishes a SnapStart version; CodeDeploy moves the alias "live" (and so the Function
# URL) to it only after the template's PreTrafficHook has smoke-tested that version, else the
# alias stays where it was and the stack rolls back. --restore-version puts live back on an
# earlier version (when the smoke test of the URL fails after the shift).
set -euo pipefail

usage() {
	cat <<'USAGE'
Usage: profiles/aws/deploy.sh [options]

  --stack-name NAME          CloudFormation stack (default: heart-disease); the function is NAME-predict
  --region REGION            region (default: $AWS_REGION or eu-west-1)
  --public                   FunctionUrlAuthType=NONE (default: AWS_IAM, only signed calls)
  --log-retention DAYS       LogRetentionInDays (default: 30)
  --restore-version VERSION  only move the live alias back to VERSION
  --dry-run                  print the sam and aws commands instead of running them
  -h, --help                 this text

Prints url= (the live Function URL), version= (live's version now) and previous_version=.
USAGE
}

stack="heart-disease"
region="${AWS_REGION:-eu-west-1}"
auth_type="AWS_IAM"
retention="30"
restore=""
DRY_RUN=false
while (($# > 0)); do
	case "$1" in
		--stack-name) stack="${2:?--stack-name needs a value}"; shift 2 ;;
		--region) region="${2:?--region needs a value}"; shift 2 ;;
		--public) auth_type="NONE"; shift ;;
		--log-retention) retention="${2:?--log-retention needs a value}"; shift 2 ;;
		--restore-version) restore="${2:?--restore-version needs a value}"; shift 2 ;;
		--dry-run) DRY_RUN=true; shift ;;
		-h | --help) usage; exit 0 ;;
		*) echo "deploy.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
	esac
done

# shellcheck source=../ci/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../ci/lib.sh"
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
function_name="$stack-predict"

if [[ -n "$restore" ]]; then
	run aws lambda update-alias --region "$region" --function-name "$function_name" --name live \
		--function-version "$restore"
	exit 0
fi

if [[ "$DRY_RUN" != true ]] && ! compgen -G "target/aws/*-aws.zip" >/dev/null; then
	die "no target/aws/*-aws.zip; run ./mvnw -Paws package"
fi

# The version serving now, to restore if the URL's smoke test fails (none on the first deployment).
previous=""
url=""
version=""
if [[ "$DRY_RUN" == true ]]; then
	print_command aws lambda get-alias --region "$region" --function-name "$function_name" --name live \
		--query FunctionVersion --output text
	previous="PREVIOUS_VERSION"
else
	previous="$(aws lambda get-alias --region "$region" --function-name "$function_name" --name live \
		--query FunctionVersion --output text 2>/dev/null || true)"
fi

run sam deploy --template-file profiles/aws/template.yaml --stack-name "$stack" --region "$region" \
	--resolve-s3 --capabilities CAPABILITY_IAM --no-confirm-changeset --no-fail-on-empty-changeset \
	--parameter-overrides "FunctionUrlAuthType=$auth_type" "LogRetentionInDays=$retention"

capture url FUNCTION_URL aws cloudformation describe-stacks --region "$region" --stack-name "$stack" \
	--query "Stacks[0].Outputs[?OutputKey=='FunctionUrl'].OutputValue" --output text
capture version LIVE_VERSION aws lambda get-alias --region "$region" --function-name "$function_name" --name live \
	--query FunctionVersion --output text
output url "$url"
output version "$version"
output previous_version "$previous"
