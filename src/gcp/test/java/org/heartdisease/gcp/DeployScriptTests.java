package org.heartdisease.gcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code profiles/gcp/deploy.sh --dry-run}: the exact gcloud command, private unless asked otherwise.
 */
class DeployScriptTests {

	private static final String COMMON = "gcloud functions deploy heart-disease --gen2 --runtime java17"
			+ " --entry-point org.springframework.cloud.function.adapter.gcp.GcfJarLauncher --source target/gcp/deploy"
			+ " --trigger-http --set-env-vars JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=1\\ -XX:+UseSerialGC\\ -Dspring.aot.enabled=true";

	@Test
	void shouldDeployAPrivateFunctionByDefault() throws Exception {
		assertThat(dryRun()).isEqualTo(COMMON + " --no-allow-unauthenticated --region europe-west1 --memory 512Mi"
				+ " --min-instances 0 --max-instances 3 --timeout 60s --serve-all-traffic-latest-revision");
	}

	@Test
	void shouldAllowUnauthenticatedCallsOnlyWhenAskedToBePublic() throws Exception {
		assertThat(dryRun("--public", "--region", "us-central1", "--memory", "1Gi", "--min-instances", "1",
				"--max-instances", "10", "--name", "heart"))
			.isEqualTo(COMMON.replace("heart-disease", "heart") + " --allow-unauthenticated --region us-central1"
					+ " --memory 1Gi --min-instances 1 --max-instances 10 --timeout 60s"
					+ " --serve-all-traffic-latest-revision");
	}

	@Test
	void shouldRefuseAnUnknownOption() throws Exception {
		Process process = start("--dry-run", "--allow-everyone");
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(2);
	}

	private static String dryRun(String... options) throws Exception {
		List<String> arguments = new ArrayList<>(List.of("--dry-run"));
		arguments.addAll(List.of(options));
		Process process = start(arguments.toArray(String[]::new));
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output.strip();
	}

	private static Process start(String... arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of("bash", "profiles/gcp/deploy.sh"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
		builder.environment().remove("CLOUDSDK_FUNCTIONS_REGION");
		return builder.start();
	}

}
