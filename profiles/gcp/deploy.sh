#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Deploys the heart-disease function to Google Cloud Functions (2nd gen) from target/gcp/deploy (the
# thin jar and its libs/).
# Build first: ./mvnw -Pgcp package. See profiles/gcp/README.md.
#
# A gen2 function is a Cloud Run service, so a new version can be tried before it serves:
# --no-traffic pins the traffic to the revision serving now, deploys, and tags the new revision
# "candidate" (its own URL); --promote REVISION then moves all traffic to it once it passed the
# smoke test. Without these the new revision serves at once (--serve-all-traffic-latest-revision).
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
  --no-traffic           deploy a new revision that takes no traffic, tagged candidate; prints
                         revision=, url= (the candidate's) and audience= (the service's URL)
  --promote REVISION     send all traffic to REVISION (after its smoke test) and drop the tag
  --tag TAG              the candidate's traffic tag (default: candidate)
  --scoring BUCKET        instead of the predict function, deploy the score functions on BUCKET (created
                         private if missing): NAME-score on each upload (Cloud Storage finalized events),
                         NAME-sweep on a Cloud Scheduler job through Pub/Sub, one service account that
                         reads INPUT_PREFIX and writes OUTPUT_PREFIX only
  --input-prefix PREFIX  with --scoring: the uploads scored (default: incoming/)
  --output-prefix PREFIX with --scoring: where outputs and manifests go (default: scored/)
  --sweep-schedule CRON  with --scoring: when the sweep runs, UTC (default: 0 2 * * *)
  --monitoring           instead of deploying, create or update the log-based metrics over the functions'
                         answer entries and the alerting policies on them (5xx share, p99 latency, drift
                         against the training distribution of MODEL), from the built jar; run it again
                         after retraining. The policies notify nobody unless given a channel
  --model FILE           with --monitoring: the served artifact (default: model/heart-disease.json)
  --drift-window RANGE   with --monitoring: the drift's PromQL range, 24h at most (default: 1d)
  --notification-channel CHANNEL
                         with --monitoring: the policies' channel (projects/P/notificationChannels/ID)
  --dry-run              print the gcloud commands instead of running them
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
no_traffic=false
promote=""
tag="candidate"
scoring=""
input_prefix="incoming/"
output_prefix="scored/"
schedule="0 2 * * *"
monitoring=false
model="model/heart-disease.json"
drift_window="1d"
channel=""
DRY_RUN=false

while (($# > 0)); do
	case "$1" in
		--name) name="${2:?--name needs a value}"; shift 2 ;;
		--region) region="${2:?--region needs a value}"; shift 2 ;;
		--memory) memory="${2:?--memory needs a value}"; shift 2 ;;
		--min-instances) min_instances="${2:?--min-instances needs a value}"; shift 2 ;;
		--max-instances) max_instances="${2:?--max-instances needs a value}"; shift 2 ;;
		--timeout) timeout="${2:?--timeout needs a value}"; shift 2 ;;
		--public) access="--allow-unauthenticated"; shift ;;
		--no-traffic) no_traffic=true; shift ;;
		--promote) promote="${2:?--promote needs a revision}"; shift 2 ;;
		--tag) tag="${2:?--tag needs a value}"; shift 2 ;;
		--scoring) scoring="${2:?--scoring needs a bucket}"; shift 2 ;;
		--input-prefix) input_prefix="${2:?--input-prefix needs a value}"; shift 2 ;;
		--output-prefix) output_prefix="${2:?--output-prefix needs a value}"; shift 2 ;;
		--sweep-schedule) schedule="${2:?--sweep-schedule needs a value}"; shift 2 ;;
		--monitoring) monitoring=true; shift ;;
		--model) model="${2:?--model needs a file}"; shift 2 ;;
		--drift-window) drift_window="${2:?--drift-window needs a range}"; shift 2 ;;
		--notification-channel) channel="${2:?--notification-channel needs a channel}"; shift 2 ;;
		--dry-run) DRY_RUN=true; shift ;;
		-h | --help) usage; exit 0 ;;
		*) echo "deploy.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
	esac
done

# shellcheck source=../ci/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../ci/lib.sh"
# Run from the project root whatever the caller's directory: --source is relative to it.
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# ensure DESCRIBE... -- CREATE...: runs CREATE unless DESCRIBE finds the resource (under --dry-run: prints CREATE).
ensure() {
	local describe=()
	while [[ "$1" != "--" ]]; do describe+=("$1"); shift; done
	shift
	if [[ "$DRY_RUN" == true ]] || ! "${describe[@]}" >/dev/null 2>&1; then
		run "$@"
	fi
}

# The built jar (its manifest names libs/), or exit naming the build.
deployable_jar() {
	shopt -s nullglob
	local jars=(target/gcp/deploy/*.jar)
	shopt -u nullglob
	if ((${#jars[@]} != 1)) || [[ ! -d target/gcp/deploy/libs ]]; then
		echo "deploy.sh: expected one jar and libs/ in target/gcp/deploy, found ${#jars[@]} jars; run ./mvnw -Pgcp package" >&2
		exit 1
	fi
	printf '%s\n' "${jars[0]}"
}

if [[ "$monitoring" == true ]]; then
	# The metrics' and policies' files, written by the jar's MonitoringPlan from the artifact (run under
	# --dry-run too: it only writes files, which the dry run prints).
	jar="$(deployable_jar)"
	plan="$(mktemp -d)"
	trap 'rm -rf "$plan"' EXIT
	"${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$jar" org.heartdisease.gcp.MonitoringPlan "$model" "$plan" \
		"$drift_window" ${channel:+"$channel"}
	for config in "$plan"/metrics/*.json; do
		metric="$(basename "$config" .json)"
		note "$config: $(<"$config")"
		if [[ "$DRY_RUN" != true ]] && gcloud logging metrics describe "$metric" >/dev/null 2>&1; then
			run gcloud logging metrics update "$metric" --config-from-file "$config"
		else
			run gcloud logging metrics create "$metric" --config-from-file "$config"
		fi
	done
	# A policy has no name of its own choosing: the one with the same display name is updated.
	for policy in "$plan"/policies/*.json; do
		note "$policy: $(<"$policy")"
		existing=""
		capture existing "" gcloud monitoring policies list \
			--filter "displayName=\"$(jq -r .displayName "$policy")\"" --format 'value(name)'
		if [[ -n "$existing" ]]; then
			run gcloud monitoring policies update "$existing" --policy-from-file "$policy"
		else
			run gcloud monitoring policies create --policy-from-file "$policy"
		fi
	done
	exit 0
fi

if [[ -n "$scoring" ]]; then
	case "$output_prefix" in "$input_prefix"* | "") die "--output-prefix must differ from --input-prefix and not lie under it" ;; esac
	case "$input_prefix" in "$output_prefix"*) die "--input-prefix must not lie under --output-prefix" ;; esac
	project=""
	project_number=""
	capture project PROJECT_ID gcloud config get-value project
	capture project_number PROJECT_NUMBER gcloud projects describe "$project" --format='value(projectNumber)'
	account="$name-score@$project.iam.gserviceaccount.com"
	objects="projects/_/buckets/$scoring/objects"
	# The bucket: private (uniform access, public access prevented), in the functions' region.
	ensure gcloud storage buckets describe "gs://$scoring" -- \
		gcloud storage buckets create "gs://$scoring" --location "$region" --uniform-bucket-level-access \
		--public-access-prevention
	ensure gcloud iam service-accounts describe "$account" -- \
		gcloud iam service-accounts create "$name-score" --display-name "heart-disease score functions"
	# Read under the input prefix, write under the output prefix, read the manifests (the sweep asks
	# whether one exists); list object names (a bucket-level permission IAM cannot narrow to a prefix).
	run gcloud storage buckets add-iam-policy-binding "gs://$scoring" --member "serviceAccount:$account" \
		--role roles/storage.objectViewer \
		--condition "expression=resource.name.startsWith('$objects/$input_prefix'),title=read-$name-inputs"
	run gcloud storage buckets add-iam-policy-binding "gs://$scoring" --member "serviceAccount:$account" \
		--role roles/storage.objectCreator \
		--condition "expression=resource.name.startsWith('$objects/$output_prefix'),title=write-$name-outputs"
	run gcloud storage buckets add-iam-policy-binding "gs://$scoring" --member "serviceAccount:$account" \
		--role roles/storage.objectViewer \
		--condition "expression=resource.name.startsWith('$objects/$output_prefix') && resource.name.endsWith('.manifest.json'),title=read-$name-manifests"
	run gcloud storage buckets add-iam-policy-binding "gs://$scoring" --member "serviceAccount:$account" \
		--role roles/storage.legacyBucketReader
	# Eventarc: Cloud Storage publishes its events through Pub/Sub; the trigger invokes as the account.
	run gcloud projects add-iam-policy-binding "$project" \
		--member "serviceAccount:service-$project_number@gs-project-accounts.iam.gserviceaccount.com" \
		--role roles/pubsub.publisher --condition None
	run gcloud projects add-iam-policy-binding "$project" --member "serviceAccount:$account" \
		--role roles/eventarc.eventReceiver --condition None
	# A batch run computes for seconds: the full JIT, not the C1-only start of profiles/gcp/jvm-options.
	environment="JAVA_TOOL_OPTIONS=-XX:+UseSerialGC -Dspring.aot.enabled=true,HEART_BATCH_INPUT_PREFIX=$input_prefix"
	environment+=",HEART_BATCH_OUTPUT_PREFIX=$output_prefix"
	score=(--gen2 --runtime java25 --entry-point org.heartdisease.gcp.GcpFunction --source target/gcp/deploy
		--service-account "$account" --trigger-service-account "$account" --set-env-vars "$environment"
		--no-allow-unauthenticated --region "$region" --memory 1Gi --timeout 540s --max-instances "$max_instances")
	# Cloud Storage triggers filter on the bucket only: the function's guard ignores what lies outside
	# the input prefix, its own outputs and manifests (batch.StoredFileJobs).
	run gcloud functions deploy "$name-score" "${score[@]}" \
		--trigger-event-filters type=google.cloud.storage.object.v1.finalized \
		--trigger-event-filters "bucket=$scoring" --trigger-location "$region"
	ensure gcloud pubsub topics describe "$name-sweep" -- gcloud pubsub topics create "$name-sweep"
	run gcloud functions deploy "$name-sweep" "${score[@]}" --trigger-topic "$name-sweep"
	# The triggers deliver events as the account: it may invoke the two functions, and nothing else may.
	for function in "$name-score" "$name-sweep"; do
		run gcloud functions add-invoker-policy-binding "$function" --gen2 --region "$region" \
			--member "serviceAccount:$account"
	done
	ensure gcloud scheduler jobs describe "$name-sweep" --location "$region" -- \
		gcloud scheduler jobs create pubsub "$name-sweep" --location "$region" --schedule "$schedule" \
		--time-zone UTC --topic "$name-sweep" --message-body "{\"sweep\":\"$scoring\"}"
	output bucket "gs://$scoring"
	exit 0
fi

if [[ -n "$promote" ]]; then
	run gcloud run services update-traffic "$name" --region "$region" --to-revisions="$promote=100" --remove-tags="$tag"
	exit 0
fi

# The JVM flags every instance starts with (profiles/gcp/jvm-options): Spring AOT's start-up code, and
# the JIT and collector Lambda uses, which start a function in about half the CPU time.
command=(gcloud functions deploy "$name"
	--gen2
	--runtime java25
	--entry-point org.heartdisease.gcp.GcpFunction
	--source target/gcp/deploy
	--trigger-http
	--set-env-vars "JAVA_TOOL_OPTIONS=$(<profiles/gcp/jvm-options)"
	"$access"
	--region "$region"
	--memory "$memory"
	--min-instances "$min_instances"
	--max-instances "$max_instances"
	--timeout "$timeout")
if [[ "$no_traffic" != true ]]; then
	command+=(--serve-all-traffic-latest-revision)
fi

if [[ "$DRY_RUN" != true ]]; then
	deployable_jar >/dev/null
fi

if [[ "$no_traffic" != true ]]; then
	run "${command[@]}"
	exit 0
fi

# Pin the traffic to the revision serving it now, so the deployment below does not move it.
# The very first deployment has nothing to protect: its revision serves (and is still smoke-tested).
service_json=""
revision=""
if [[ "$DRY_RUN" == true ]]; then
	print_command gcloud run services describe "$name" --region "$region" --format=json
	serving="SERVING_REVISION"
	note "SERVING_REVISION: the revision serving 100% of the traffic now, if any"
else
	service_json="$(gcloud run services describe "$name" --region "$region" --format=json 2>/dev/null || true)"
	serving="$(jq -r '[.status.traffic[]? | select(.percent == 100) | .revisionName // empty][0] // empty' <<<"${service_json:-{\}}")"
fi
if [[ -n "$serving" ]]; then
	run gcloud run services update-traffic "$name" --region "$region" --to-revisions="$serving=100"
fi
run "${command[@]}"
capture revision NEW_REVISION gcloud functions describe "$name" --gen2 --region "$region" \
	--format='value(serviceConfig.revision)'
run gcloud run services update-traffic "$name" --region "$region" --update-tags="$tag=$revision"
capture service_json '{"status":{"url":"SERVICE_URL","traffic":[{"tag":"'"$tag"'","url":"CANDIDATE_URL"}]}}' \
	gcloud run services describe "$name" --region "$region" --format=json
output revision "$revision"
output url "$(jq -r --arg tag "$tag" '.status.traffic[] | select(.tag == $tag) | .url' <<<"$service_json")"
output audience "$(jq -r .status.url <<<"$service_json")"
