package org.heartdisease.gcp;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.heartdisease.FuzzPayloads;
import org.heartdisease.model.TrainingDistribution;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code profiles/gcp/deploy.sh --monitoring --dry-run}, after {@code package}: it runs the built jar's
 * {@link MonitoringPlan} on the committed artifact, prints each file and the gcloud command that creates
 * what it describes, and notifies nobody unless given a channel.
 */
class DeployMonitoringIT {

	private static final JsonMapper JSON = new JsonMapper();

	private static final TrainingDistribution TRAINING = FuzzPayloads.committedModel().artifact().trainingDistribution();

	@Test
	void shouldCreateEveryMetricAndPolicyFromTheFilesItPrints() throws Exception {
		List<String> lines = dryRun();
		Map<String, JsonNode> files = files(lines);
		List<String> commands = lines.stream().filter((line) -> line.startsWith("gcloud ")).toList();
		for (String metric : MonitoringPlan.metrics().keySet()) {
			assertThat(commands).anyMatch((command) -> command.matches(
					"gcloud logging metrics create " + metric + " --config-from-file \\S+/metrics/" + metric + "\\.json"));
			assertThat(files.get("metrics/" + metric + ".json")).isEqualTo(MonitoringPlan.metrics().get(metric));
		}
		for (String policy : List.of("heart-errors", "heart-latency", "heart-drift")) {
			assertThat(commands).anyMatch((command) -> command.matches(
					"gcloud monitoring policies create --policy-from-file \\S+/policies/" + policy + "\\.json"));
			assertThat(files.get("policies/" + policy + ".json").has("notificationChannels")).isFalse();
		}
		assertThat(commands).contains("gcloud monitoring policies list --filter displayName=\\\"heart-disease:\\ drift\\\""
				+ " --format value\\(name\\)");
		assertThat(files.get("policies/heart-drift.json").at("/conditions/0/conditionPrometheusQueryLanguage/query")
			.asText()).isEqualTo(MonitoringPlan.driftQuery(TRAINING, "1d"));
		assertThat(commands).hasSize(MonitoringPlan.metrics().size() + 2 * 3);
	}

	@Test
	void shouldTakeTheWindowAndChannelItIsGiven() throws Exception {
		Map<String, JsonNode> files = files(dryRun("--drift-window", "12h", "--notification-channel",
				"projects/heart/notificationChannels/7"));
		assertThat(files.get("policies/heart-drift.json").at("/conditions/0/conditionPrometheusQueryLanguage/query")
			.asText()).isEqualTo(MonitoringPlan.driftQuery(TRAINING, "12h"));
		List<JsonNode> policies = files.entrySet().stream().filter((file) -> file.getKey().startsWith("policies/"))
			.map(Map.Entry::getValue).toList();
		assertThat(policies).hasSize(3).allSatisfy((policy) -> assertThat(policy.at("/notificationChannels/0").asText())
			.isEqualTo("projects/heart/notificationChannels/7"));
	}

	// The "# FILE: JSON" notes of the dry run, by their last two path segments.
	private static Map<String, JsonNode> files(List<String> lines) throws Exception {
		Map<String, JsonNode> files = new LinkedHashMap<>();
		for (String line : lines) {
			if (line.startsWith("# ") && line.contains(".json: {")) {
				String path = line.substring(2, line.indexOf(": {"));
				String[] segments = path.split("/");
				files.put(segments[segments.length - 2] + "/" + segments[segments.length - 1],
						JSON.readTree(line.substring(line.indexOf(": {") + 2)));
			}
		}
		return files;
	}

	private static List<String> dryRun(String... options) throws Exception {
		String[] arguments = new String[options.length + 2];
		arguments[0] = "--dry-run";
		arguments[1] = "--monitoring";
		System.arraycopy(options, 0, arguments, 2, options.length);
		Process process = DeployScriptTests.start(arguments);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output.lines().toList();
	}

}
