package org.heartdisease.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery scripts under {@code profiles/}: the exact cloud commands each prints with
 * {@code --dry-run}, and what they do against stub commands and a loopback server.
 */
class DeliveryScriptsTests {

	static final List<String> SCRIPTS = List.of("profiles/ci/fetch-data.sh", "profiles/ci/gate.sh",
			"profiles/ci/publish.sh", "profiles/ci/smoke-test.sh", "profiles/ci/rollback.sh", "profiles/gcp/deploy.sh",
			"profiles/aws/deploy.sh");

	private static final String GCP_DEPLOY = "gcloud functions deploy heart-disease --gen2 --runtime java25"
			+ " --entry-point org.heartdisease.gcp.GcpFunction --source target/gcp/deploy"
			+ " --trigger-http --set-env-vars JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=1\\ -XX:+UseSerialGC\\ -Dspring.aot.enabled=true"
			+ " --no-allow-unauthenticated --region europe-west1 --memory 512Mi --min-instances 0"
			+ " --max-instances 3 --timeout 60s";

	private static List<String> dryRun(String script, String... arguments) {
		String[] all = new String[arguments.length + 1];
		all[0] = "--dry-run";
		System.arraycopy(arguments, 0, all, 1, arguments.length);
		Script result = Script.run(script, all);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		return result.commands();
	}

	@ParameterizedTest
	@ValueSource(strings = { "profiles/ci/fetch-data.sh", "profiles/ci/gate.sh", "profiles/ci/publish.sh",
			"profiles/ci/smoke-test.sh", "profiles/ci/rollback.sh", "profiles/gcp/deploy.sh", "profiles/aws/deploy.sh" })
	void shouldExplainItselfAndRefuseUnknownOptions(String script) {
		Script help = Script.run(script, "--help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).startsWith("Usage: " + script).contains("--dry-run");
		assertThat(Script.run(script, "--dry-run", "--no-such-option").exitCode()).isEqualTo(2);
	}

	@Test
	void shouldFetchDataFromABucketOrHttpsOnly() {
		assertThat(dryRun("profiles/ci/fetch-data.sh", "--source", "gs://data/heart/processed.cleveland.data"))
			.containsExactly("gcloud storage cp gs://data/heart/processed.cleveland.data datasets/processed.cleveland.data");
		assertThat(dryRun("profiles/ci/fetch-data.sh", "--source", "s3://data/heart.data", "--output", "datasets/x.data"))
			.containsExactly("aws s3 cp s3://data/heart.data datasets/x.data");
		assertThat(dryRun("profiles/ci/fetch-data.sh", "--source", "https://example.org/heart.data"))
			.containsExactly("curl --fail --silent --show-error --location --proto =https --retry 3 --max-time 120"
					+ " --output datasets/processed.cleveland.data https://example.org/heart.data");
		assertThat(Script.run("profiles/ci/fetch-data.sh", "--dry-run", "--source", "http://example.org/x").exitCode())
			.isEqualTo(2);
		assertThat(Script.run("profiles/ci/fetch-data.sh", "--dry-run", "--source", "gs://a/b", "--sha256", "abc")
			.exitCode()).isEqualTo(2);
	}

	@Test
	void shouldRefuseDataWhoseSha256DiffersAndKeepNone(@TempDir Path dir) throws IOException {
		Path data = Files.writeString(dir.resolve("data.csv"), "1,2,3\n");
		Path output = dir.resolve("out/data.csv");
		String wrong = "0".repeat(64);
		Script bad = Script.run("profiles/ci/fetch-data.sh", "--source", data.toString(), "--output", output.toString(),
				"--sha256", wrong);
		assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(1);
		assertThat(bad.err()).contains("SHA-256 mismatch", wrong);
		assertThat(output).doesNotExist();
		Script sum = Script.run("profiles/ci/fetch-data.sh", "--source", data.toString(), "--output", output.toString());
		assertThat(sum.exitCode()).as(sum.toString()).isZero();
		assertThat(sum.err()).contains("not checked");
		assertThat(output).hasContent("1,2,3");
	}

	@Test
	void shouldGateAgainstTheLatestPublishedModel() {
		assertThat(dryRun("profiles/ci/gate.sh", "--prefix", "gs://models/heart/", "--min-cv-auc", "0.9", "--max-drop", "0.01"))
			.containsExactly("gcloud storage ls gs://models/heart/latest/heart-disease.json",
					"gcloud storage cp gs://models/heart/latest/heart-disease.json target/gate/published-heart-disease.json",
					"java -jar target/local/heart-disease-function-1.0.0-SNAPSHOT.jar --gate --candidate=model/heart-disease.json"
							+ " --published=target/gate/published-heart-disease.json --min-cv-auc=0.9 --max-drop=0.01");
		assertThat(dryRun("profiles/ci/gate.sh", "--prefix", "s3://models/heart")).first()
			.isEqualTo("aws s3 ls s3://models/heart/latest/heart-disease.json");
	}

	@Test
	void shouldPublishARunWithoutEverOverwritingIt() throws IOException {
		List<String> gcs = dryRun("profiles/ci/publish.sh", "--prefix", "gs://models/heart/", "--run-id", "4242-1");
		assertThat(gcs).first().isEqualTo("gcloud storage ls gs://models/heart/runs/4242-1/");
		assertThat(gcs).contains(
				"gcloud storage cp --if-generation-match=0 target/publish/4242-1/heart-disease.json"
						+ " gs://models/heart/runs/4242-1/heart-disease.json",
				"published=gs://models/heart/runs/4242-1/");
		assertThat(gcs.get(gcs.size() - 2)).as("metrics.json last: it marks a complete run")
			.isEqualTo("gcloud storage cp --if-generation-match=0 target/publish/4242-1/metrics.json"
					+ " gs://models/heart/runs/4242-1/metrics.json");
		assertThat(String.join("\n", gcs)).doesNotContain("latest");
		List<String> s3 = dryRun("profiles/ci/publish.sh", "--prefix", "s3://models/heart", "--run-id", "4242-1");
		assertThat(s3).contains("aws s3api put-object --bucket models --key heart/runs/4242-1/heart-disease.json"
				+ " --body target/publish/4242-1/heart-disease.json --if-none-match \\*");
		String metrics = Files.readString(Path.of("target/publish/4242-1/metrics.json"));
		assertThat(metrics).contains("\"runId\": \"4242-1\"", "\"crossValidationRocAuc\": 0.9", "\"contentSha256\"");
		assertThat(Script.run("profiles/ci/publish.sh", "--dry-run", "--prefix", "gs://m", "--run-id", "../x").exitCode())
			.isEqualTo(2);
		assertThat(Script.run("profiles/ci/publish.sh", "--dry-run", "--prefix", "/tmp/m", "--run-id", "1").exitCode())
			.isEqualTo(2);
	}

	@Test
	void shouldRefuseToPublishARunThatExists(@TempDir Path dir) throws IOException {
		// A stub gcloud that finds every object and logs its calls: publish.sh must stop at the listing.
		Path log = dir.resolve("calls.log");
		stub(dir, "gcloud", "echo \"gcloud $*\" >> " + log + "\nexit 0\n");
		Script result = Script.run("profiles/ci/publish.sh", Map.of(), dir, "--prefix", "gs://models/heart", "--run-id",
				"7-1");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err()).contains("gs://models/heart/runs/7-1/ exists already");
		assertThat(Files.readAllLines(log)).containsExactly("gcloud storage ls gs://models/heart/runs/7-1/");
	}

	@Test
	void shouldPromoteARunToLatestAsAnExactCopy() {
		assertThat(dryRun("profiles/ci/publish.sh", "--prefix", "gs://models/heart", "--run-id", "7-1", "--promote"))
			.containsExactly("gcloud storage ls gs://models/heart/runs/7-1/metrics.json",
					"gcloud storage rsync --recursive --delete-unmatched-destination-objects gs://models/heart/runs/7-1/"
							+ " gs://models/heart/latest/");
		assertThat(dryRun("profiles/ci/publish.sh", "--prefix", "s3://models/heart", "--run-id", "7-1", "--promote"))
			.contains("aws s3 sync --delete s3://models/heart/runs/7-1/ s3://models/heart/latest/");
	}

	@Test
	void shouldSmokeTestPrivateEndpointsWithCredentialsKeptOffTheCommandLine() {
		List<String> gcp = dryRun("profiles/ci/smoke-test.sh", "--url", "https://candidate---heart-abc.a.run.app", "--auth",
				"gcp", "--audience", "https://heart-abc.a.run.app");
		assertThat(gcp.get(0)).isEqualTo("gcloud auth print-identity-token --audiences=https://heart-abc.a.run.app");
		assertThat(gcp.subList(1, gcp.size())).hasSize(2).allSatisfy((curl) -> assertThat(curl)
			.startsWith("curl --silent --show-error --max-time 60 --retry 2 --config ")
			.endsWith(" https://candidate---heart-abc.a.run.app")
			.doesNotContain("Bearer"));
		assertThat(gcp.get(1)).contains("--data-binary @src/test/resources/payloads/example.json");
		List<String> aws = dryRun("profiles/ci/smoke-test.sh", "--url", "https://abc.lambda-url.eu-west-1.on.aws/",
				"--auth", "aws", "--region", "eu-west-1");
		assertThat(aws).hasSize(2).allSatisfy((curl) -> assertThat(curl).contains("--aws-sigv4 aws:amz:eu-west-1:lambda")
			.doesNotContain("AWS_SECRET_ACCESS_KEY"));
		assertThat(Script.run("profiles/ci/smoke-test.sh", "--dry-run", "--url", "http://example.org/").exitCode())
			.isEqualTo(2);
	}

	@Test
	void shouldPassAnEndpointThatAnswersRightAndFailOneThatDoesNot() throws IOException {
		String model = Files.readString(Path.of("model/heart-disease.json"));
		String trainedAt = model.replaceAll("(?s).*\"trainedAt\" : \"([^\"]+)\".*", "$1");
		String clear = "{\"diagnosis\":\"clear\",\"probability\":0.14,\"imputed\":[],\"model\":{\"name\":\"heart-disease\","
				+ "\"trainedAt\":\"" + trainedAt + "\"}}";
		assertThat(smokeTest(clear, 400)).as("right answers").isZero();
		assertThat(smokeTest(clear.replace("\"clear\"", "\"heart-disease\""), 400)).as("wrong diagnosis").isEqualTo(1);
		assertThat(smokeTest(clear, 200)).as("invalid payload accepted").isEqualTo(1);
		assertThat(smokeTest(clear.replace(trainedAt, "2000-01-01T00:00:00Z"), 400)).as("another model").isEqualTo(1);
	}

	/** Runs smoke-test.sh against a loopback server answering the example and any other payload as told. */
	private static int smokeTest(String exampleAnswer, int invalidStatus) throws IOException {
		String example = Files.readString(Path.of("src/test/resources/payloads/example.json"));
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			boolean isExample = body.equals(example);
			byte[] answer = (isExample ? exampleAnswer : "{\"status\":" + invalidStatus + "}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(isExample ? 200 : invalidStatus, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		server.start();
		try {
			Script result = Script.run("profiles/ci/smoke-test.sh", "--url",
					"http://127.0.0.1:" + server.getAddress().getPort() + "/predict", "--model", "model/heart-disease.json");
			return result.exitCode();
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void shouldDeployToGcpWithoutTrafficThenPromoteTheTestedRevision() {
		assertThat(dryRun("profiles/gcp/deploy.sh", "--no-traffic")).containsExactly(
				"gcloud run services describe heart-disease --region europe-west1 --format=json",
				"gcloud run services update-traffic heart-disease --region europe-west1 --to-revisions=SERVING_REVISION=100",
				GCP_DEPLOY,
				"gcloud functions describe heart-disease --gen2 --region europe-west1 --format=value\\(serviceConfig.revision\\)",
				"gcloud run services update-traffic heart-disease --region europe-west1 --update-tags=candidate=NEW_REVISION",
				"gcloud run services describe heart-disease --region europe-west1 --format=json",
				"revision=NEW_REVISION", "url=CANDIDATE_URL", "audience=SERVICE_URL");
		assertThat(dryRun("profiles/gcp/deploy.sh", "--promote", "heart-disease-00042-xyz")).containsExactly(
				"gcloud run services update-traffic heart-disease --region europe-west1"
						+ " --to-revisions=heart-disease-00042-xyz=100 --remove-tags=candidate");
		assertThat(dryRun("profiles/gcp/deploy.sh")).containsExactly(GCP_DEPLOY + " --serve-all-traffic-latest-revision");
	}

	@Test
	void shouldDeployToAwsWithIamAuthAndRestoreTheLiveAlias() {
		assertThat(dryRun("profiles/aws/deploy.sh", "--region", "eu-central-1")).containsExactly(
				"aws lambda get-alias --region eu-central-1 --function-name heart-disease-predict --name live"
						+ " --query FunctionVersion --output text",
				"sam deploy --template-file profiles/aws/template.yaml --stack-name heart-disease --region eu-central-1"
						+ " --resolve-s3 --capabilities CAPABILITY_IAM --no-confirm-changeset --no-fail-on-empty-changeset"
						+ " --parameter-overrides FunctionUrlAuthType=AWS_IAM LogRetentionInDays=30"
						+ " InputPrefix=incoming/ OutputPrefix=scored/ SweepSchedule=cron\\(0\\ 2\\ \\*\\ \\*\\ \\?\\ \\*\\)",
				"aws cloudformation describe-stacks --region eu-central-1 --stack-name heart-disease"
						+ " --query Stacks\\[0\\].Outputs\\[\\?OutputKey==\\'FunctionUrl\\'\\].OutputValue --output text",
				"aws lambda get-alias --region eu-central-1 --function-name heart-disease-predict --name live"
						+ " --query FunctionVersion --output text",
				"aws cloudformation describe-stacks --region eu-central-1 --stack-name heart-disease"
						+ " --query Stacks\\[0\\].Outputs\\[\\?OutputKey==\\'FilesBucket\\'\\].OutputValue --output text",
				"url=FUNCTION_URL", "version=LIVE_VERSION", "previous_version=PREVIOUS_VERSION",
				"files_bucket=FILES_BUCKET");
		// The score function's trigger, schedule and permissions, shown as comments.
		Script scored = Script.run("profiles/aws/deploy.sh", "--dry-run", "--input-prefix", "in/", "--output-prefix",
				"out/");
		assertThat(scored.out()).contains("trigger:    s3:ObjectCreated:* on s3://heart-disease-ACCOUNT_ID-eu-west-1-files/"
				+ " filtered on prefix in/", "schedule:   EventBridge Scheduler cron(0 2 * * ? *)",
				"s3:GetObject on heart-disease-ACCOUNT_ID-eu-west-1-files/in/*", "s3:PutObject, s3:AbortMultipartUpload on",
				"heart-disease-ACCOUNT_ID-eu-west-1-files/out/*;")
			.contains("SweepSchedule=cron");
		assertThat(dryRun("profiles/aws/deploy.sh", "--public")).anySatisfy((line) -> assertThat(line)
			.contains("FunctionUrlAuthType=NONE"));
		assertThat(dryRun("profiles/aws/deploy.sh", "--stack-name", "hd", "--restore-version", "6")).containsExactly(
				"aws lambda update-alias --region eu-west-1 --function-name hd-predict --name live --function-version 6");
	}

	@Test
	void shouldRollBackByRedeployingAPublishedRunsArtifact() {
		List<String> commands = dryRun("profiles/ci/rollback.sh", "--prefix", "gs://models/heart", "--run-id", "41-1",
				"--gcp", "--aws");
		assertThat(commands).startsWith("gcloud storage ls gs://models/heart/runs/41-1/metrics.json",
				"gcloud storage cp gs://models/heart/runs/41-1/heart-disease.json model/heart-disease.json",
				"./mvnw -B -q clean package -Pgcp -DskipTests", GCP_DEPLOY + " --serve-all-traffic-latest-revision",
				"./mvnw -B -q clean package -Paws -DskipTests");
		assertThat(commands).endsWith("gcloud storage rsync --recursive --delete-unmatched-destination-objects"
				+ " gs://models/heart/runs/41-1/ gs://models/heart/latest/");
	}

	private static void stub(Path dir, String name, String body) throws IOException {
		Path stub = Files.writeString(dir.resolve(name), "#!/usr/bin/env bash\n" + body);
		Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

}
