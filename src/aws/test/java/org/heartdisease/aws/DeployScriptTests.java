package org.heartdisease.aws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code profiles/aws/deploy.sh --dry-run}: the alarms' parameters reach {@code sam deploy} only when
 * given, and the summary names every alarm of the template, and the drift function, as they deploy.
 */
class DeployScriptTests {

	@Test
	void shouldPassTheAlarmParametersOnlyWhenGiven() throws Exception {
		assertThat(samDeploy(dryRun())).doesNotContain("AlarmTopicArn").doesNotContain("DriftThreshold");
		String given = samDeploy(dryRun("--alarm-topic", "arn:aws:sns:eu-west-1:123456789012:on-call", "--drift-threshold", "0.2"));
		assertThat(given).endsWith(" AlarmTopicArn=arn:aws:sns:eu-west-1:123456789012:on-call DriftThreshold=0.2");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldSummariseEveryAlarmOfTheTemplateByTheNameItDeploysUnder() throws Exception {
		String summary = dryRun("--stack-name", "hd");
		Map<String, Object> resources = (Map<String, Object>) new Yaml()
			.<Map<String, Object>>load(Files.readString(Path.of("profiles/aws/template.yaml"))).get("Resources");
		List<String> names = new ArrayList<>();
		resources.values().stream().map((resource) -> (Map<String, Object>) resource)
			.filter((resource) -> "AWS::CloudWatch::Alarm".equals(resource.get("Type")))
			.forEach((alarm) -> names.add(((Map<String, String>) ((Map<String, Object>) alarm.get("Properties"))
				.get("AlarmName")).get("Fn::Sub").replace("${AWS::StackName}", "hd")));
		assertThat(names).hasSize(5);
		for (String name : names) {
			assertThat(summary).contains("#   " + name + " ");
		}
		assertThat(summary).contains("# alarms (notify nobody: no SNS topic, state changes only):",
				"# drift function hd-drift (driftLambda", "cloudwatch:GetMetricData on *",
				"Drift of the live version >= 0.25");
		assertThat(dryRun("--alarm-topic", "arn:aws:sns:eu-west-1:123456789012:on-call", "--drift-threshold", "0.2"))
			.contains("# alarms (notify arn:aws:sns:eu-west-1:123456789012:on-call):", "Drift of the live version >= 0.2 ");
	}

	private static String samDeploy(String output) {
		return output.lines().filter((line) -> line.startsWith("sam deploy ")).findFirst().orElseThrow();
	}

	private static String dryRun(String... options) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("bash", "profiles/aws/deploy.sh", "--dry-run"));
		command.addAll(List.of(options));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
