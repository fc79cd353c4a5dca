package org.heartdisease.gcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code profiles/gcp/deploy.sh --dry-run}: the flags that matter, private unless asked otherwise.
 */
class DeployScriptTests {

	@Test
	void shouldDeployTheDeployDirectoryWithGcpFunctionAsAPrivateGen2Function() throws Exception {
		List<String> command = dryRun();
		assertThat(command).startsWith("gcloud", "functions", "deploy", "heart-disease")
			.contains("--gen2", "--trigger-http", "--no-allow-unauthenticated")
			.doesNotContain("--allow-unauthenticated");
		// The cloud's runtime is the Java these tests run on (the build selects a JDK 25 toolchain).
		assertThat(value(command, "--runtime")).isEqualTo("java" + Runtime.version().feature()).isEqualTo("java25");
		assertThat(value(command, "--entry-point")).isEqualTo(GcpFunction.class.getName());
		assertThat(value(command, "--source")).isEqualTo("target/gcp/deploy");
		assertThat(value(command, "--set-env-vars")).startsWith("JAVA_TOOL_OPTIONS=").contains("spring.aot.enabled=true");
	}

	@Test
	void shouldAllowUnauthenticatedCallsOnlyWhenAskedToBePublic() throws Exception {
		List<String> command = dryRun("--public", "--region", "us-central1", "--name", "heart");
		assertThat(command).startsWith("gcloud", "functions", "deploy", "heart")
			.contains("--allow-unauthenticated")
			.doesNotContain("--no-allow-unauthenticated");
		assertThat(value(command, "--region")).isEqualTo("us-central1");
		assertThat(value(command, "--entry-point")).isEqualTo(GcpFunction.class.getName());
	}

	@Test
	void shouldDeployTheScoreFunctionsWithTheirTriggerScheduleAndPermissions() throws Exception {
		String output = String.join(" ", dryRun("--scoring", "patients-eu", "--sweep-schedule", "30 1 * * *"));
		// The upload trigger (Cloud Storage filters on the bucket only; the function's guard does the prefix).
		assertThat(output).contains("gcloud functions deploy heart-disease-score --gen2 --runtime java25"
				+ " --entry-point org.heartdisease.gcp.GcpFunction --source target/gcp/deploy",
				"--trigger-event-filters type=google.cloud.storage.object.v1.finalized --trigger-event-filters"
						+ " bucket=patients-eu",
				"HEART_BATCH_INPUT_PREFIX=incoming/\\,HEART_BATCH_OUTPUT_PREFIX=scored/");
		// The schedule: Cloud Scheduler publishes the sweep to the topic the sweep function listens on.
		assertThat(output).contains("gcloud functions deploy heart-disease-sweep", "--trigger-topic heart-disease-sweep",
				"gcloud scheduler jobs create pubsub heart-disease-sweep --location europe-west1 --schedule"
						+ " 30\\ 1\\ \\*\\ \\*\\ \\* --time-zone UTC --topic heart-disease-sweep"
						+ " --message-body \\{\\\"sweep\\\":\\\"patients-eu\\\"\\}");
		// The permissions: read under incoming/, create under scored/, on this bucket only, private, no public calls.
		assertThat(output).contains("--role roles/storage.objectViewer --condition expression=resource.name.startsWith"
				+ "\\(\\'projects/_/buckets/patients-eu/objects/incoming/\\'\\)",
				"--role roles/storage.objectCreator --condition expression=resource.name.startsWith"
						+ "\\(\\'projects/_/buckets/patients-eu/objects/scored/\\'\\)",
				"--uniform-bucket-level-access --public-access-prevention", "--no-allow-unauthenticated")
			.doesNotContain("roles/storage.objectAdmin")
			.doesNotContain("roles/storage.admin")
			.doesNotContain("--allow-unauthenticated ")
			.doesNotContain("--trigger-http");
	}

	@Test
	void shouldRefuseOutputsUnderTheInputPrefix() throws Exception {
		Process process = start("--dry-run", "--scoring", "patients-eu", "--output-prefix", "incoming/scored/");
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isNotZero();
	}

	@Test
	void shouldRefuseAnUnknownOption() throws Exception {
		Process process = start("--dry-run", "--allow-everyone");
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(2);
	}

	private static String value(List<String> command, String flag) {
		assertThat(command).containsOnlyOnce(flag);
		return command.get(command.indexOf(flag) + 1);
	}

	// The printed command, split into words (the JVM options' escaped spaces stay in their word).
	private static List<String> dryRun(String... options) throws Exception {
		List<String> arguments = new ArrayList<>(List.of("--dry-run"));
		arguments.addAll(List.of(options));
		Process process = start(arguments.toArray(String[]::new));
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return Arrays.asList(output.strip().split("(?<!\\\\)\\s+"));
	}

	static Process start(String... arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of("bash", "profiles/gcp/deploy.sh"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
		builder.environment().remove("CLOUDSDK_FUNCTIONS_REGION");
		return builder.start();
	}

}
