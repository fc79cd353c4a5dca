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
  --input-prefix PREFIX      the score function scores uploads under it (default: incoming/)
  --output-prefix PREFIX     where scored files and manifests go (default: scored/)
  --sweep-schedule EXPR      when it scores what has no manifest yet, UTC (default: cron(0 2 * * ? *))
  --alarm-topic ARN          an existing SNS topic the alarms notify (default: none, alarms only change state)
  --drift-threshold PSI      the population stability index at which the drift alarm fires (default: 0.25)
  --restore-version VERSION  only move the live alias back to VERSION
  --dry-run                  print the sam and aws commands instead of running them
  -h, --help                 this text

Prints url= (the live Function URL), version= (live's version now), previous_version= and
files_bucket= (upload files to score under its input prefix). --dry-run also prints, as comments, the
score function's trigger, schedule and permissions, the drift function's, and the alarms that the
template sets.
USAGE
}

stack="heart-disease"
region="${AWS_REGION:-eu-west-1}"
auth_type="AWS_IAM"
retention="30"
restore=""
input_prefix="incoming/"
output_prefix="scored/"
schedule="cron(0 2 * * ? *)"
alarm_topic=""
drift_threshold=""
DRY_RUN=false
while (($# > 0)); do
	case "$1" in
		--stack-name) stack="${2:?--stack-name needs a value}"; shift 2 ;;
		--region) region="${2:?--region needs a value}"; shift 2 ;;
		--public) auth_type="NONE"; shift ;;
		--log-retention) retention="${2:?--log-retention needs a value}"; shift 2 ;;
		--input-prefix) input_prefix="${2:?--input-prefix needs a value}"; shift 2 ;;
		--output-prefix) output_prefix="${2:?--output-prefix needs a value}"; shift 2 ;;
		--sweep-schedule) schedule="${2:?--sweep-schedule needs a value}"; shift 2 ;;
		--alarm-topic) alarm_topic="${2:?--alarm-topic needs a value}"; shift 2 ;;
		--drift-threshold) drift_threshold="${2:?--drift-threshold needs a value}"; shift 2 ;;
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
files_bucket=""
if [[ "$DRY_RUN" == true ]]; then
	print_command aws lambda get-alias --region "$region" --function-name "$function_name" --name live \
		--query FunctionVersion --output text
	previous="PREVIOUS_VERSION"
else
	previous="$(aws lambda get-alias --region "$region" --function-name "$function_name" --name live \
		--query FunctionVersion --output text 2>/dev/null || true)"
fi

# The alarms' parameters only when given: the template's defaults otherwise.
alarm_overrides=()
if [[ -n "$alarm_topic" ]]; then
	alarm_overrides+=("AlarmTopicArn=$alarm_topic")
fi
if [[ -n "$drift_threshold" ]]; then
	alarm_overrides+=("DriftThreshold=$drift_threshold")
fi
run sam deploy --template-file profiles/aws/template.yaml --stack-name "$stack" --region "$region" \
	--resolve-s3 --capabilities CAPABILITY_IAM --no-confirm-changeset --no-fail-on-empty-changeset \
	--parameter-overrides "FunctionUrlAuthType=$auth_type" "LogRetentionInDays=$retention" \
	"InputPrefix=$input_prefix" "OutputPrefix=$output_prefix" "SweepSchedule=$schedule" ${alarm_overrides[@]+"${alarm_overrides[@]}"}

if [[ "$DRY_RUN" == true ]]; then
	# What the template deploys for the score function (profiles/aws/template.yaml, ScoreFunction).
	bucket="$stack-ACCOUNT_ID-$region-files"
	cat <<SUMMARY
# score function $stack-score (scoreLambda, the same zip as $function_name):
#   trigger:    s3:ObjectCreated:* on s3://$bucket/ filtered on prefix $input_prefix
#   schedule:   EventBridge Scheduler $schedule, input {"sweep":"$bucket"}
#   writes:     ${output_prefix}KEY and ${output_prefix}KEY.manifest.json for ${input_prefix}KEY
#   guard:      keys under $output_prefix, manifests and objects with metadata scored-by are ignored
#   permissions: s3:GetObject on $bucket/$input_prefix*; s3:PutObject, s3:AbortMultipartUpload on
#               $bucket/$output_prefix*; s3:GetObject on $bucket/$output_prefix*.manifest.json;
#               s3:ListBucket on $bucket for prefixes $input_prefix* and $output_prefix* only
#   bucket:     public access blocked, SSE-S3, TLS only, unfinished uploads aborted after a day
# drift function $stack-drift (driftLambda, the same zip):
#   schedule:   EventBridge Scheduler rate(1 hour): PSI of the live predict version's Bin.* metrics over 24 h
#   writes:     Drift and Drift.FIELD (namespace HeartDisease, dimensions Function, Version) as an EMF line
#   permissions: cloudwatch:GetMetricData on * (it has no resource-level permissions)
# alarms (notify ${alarm_topic:-nobody: no SNS topic, state changes only}):
#   $stack-predict-error-rate       Answers.error / Answers of the live version >= 1 % (2 of 3 x 5 min)
#   $stack-predict-function-errors  AWS/Lambda Errors of $function_name >= 1 (5 min)
#   $stack-predict-latency-p99      AWS/Lambda Duration p99 of $function_name >= 1000 ms (2 of 3 x 5 min)
#   $stack-predict-drift            Drift of the live version >= ${drift_threshold:-0.25} (1 of 2 x 1 h)
#   $stack-drift-function-errors    AWS/Lambda Errors of $stack-drift >= 1 (2 h)
SUMMARY
fi

capture url FUNCTION_URL aws cloudformation describe-stacks --region "$region" --stack-name "$stack" \
	--query "Stacks[0].Outputs[?OutputKey=='FunctionUrl'].OutputValue" --output text
capture version LIVE_VERSION aws lambda get-alias --region "$region" --function-name "$function_name" --name live \
	--query FunctionVersion --output text
capture files_bucket FILES_BUCKET aws cloudformation describe-stacks --region "$region" --stack-name "$stack" \
	--query "Stacks[0].Outputs[?OutputKey=='FilesBucket'].OutputValue" --output text
output url "$url"
output version "$version"
output previous_version "$previous"
output files_bucket "$files_bucket"
