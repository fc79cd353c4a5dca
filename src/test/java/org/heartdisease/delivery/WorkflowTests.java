package org.heartdisease.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Train and Deploy workflow: valid for a real workflow validator, calling only scripts that
 * exist and are executable, federated credentials only, and the SAM pre-traffic hook it relies on.
 */
class WorkflowTests {

	private static final Path WORKFLOW = Path.of(".github/workflows/train-and-deploy.yml");

	/** Installed by .ci/run: npm install --prefix .tools/npm @action-validator/cli. */
	private static final Path VALIDATOR = Path.of(".tools/npm/node_modules/.bin/action-validator");

	@SuppressWarnings("unchecked")
	private static Map<String, Object> workflow() throws IOException {
		return new Yaml().load(Files.readString(WORKFLOW));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> job(String name) throws IOException {
		return (Map<String, Object>) ((Map<String, Object>) workflow().get("jobs")).get(name);
	}

	@Test
	void shouldPassTheActionValidator() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(VALIDATOR), "skipped: " + VALIDATOR
				+ " is absent; install it with npm install --prefix .tools/npm @action-validator/cli@0.6.0 (.ci/run does)");
		Process process = new ProcessBuilder(VALIDATOR.toString(), WORKFLOW.toString()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(output).isZero();
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldRunOnPushesToMainOnWeekdaysAndByHand() throws IOException {
		// SnakeYAML reads the key "on" as the boolean true (YAML 1.1).
		Map<Object, Object> on = (Map<Object, Object>) workflow().get(true);
		assertThat(on).containsKeys("push", "schedule", "workflow_dispatch");
		assertThat(on.get("push")).isEqualTo(Map.of("branches", List.of("main")));
		assertThat(on.get("schedule").toString()).contains("1-5");
	}

	@Test
	void shouldCallOnlyScriptsThatExistAndAreExecutable() throws IOException {
		Matcher matcher = Pattern.compile("profiles/[\\w/.-]+\\.sh").matcher(Files.readString(WORKFLOW));
		List<String> scripts = new ArrayList<>();
		while (matcher.find()) {
			scripts.add(matcher.group());
		}
		assertThat(scripts).contains("profiles/test-all.sh", "profiles/ci/fetch-data.sh", "profiles/ci/gate.sh",
				"profiles/ci/publish.sh", "profiles/ci/smoke-test.sh", "profiles/gcp/deploy.sh", "profiles/aws/deploy.sh");
		assertThat(scripts).allSatisfy((script) -> assertThat(Path.of(script)).isRegularFile().isExecutable());
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldSetUpTheJavaTheTestsRunOnInEveryJobThatBuilds() throws IOException {
		Map<String, Object> jobs = (Map<String, Object>) workflow().get("jobs");
		List<String> versions = new ArrayList<>();
		for (Object job : jobs.values()) {
			for (Map<String, Object> step : (List<Map<String, Object>>) ((Map<String, Object>) job).get("steps")) {
				if (String.valueOf(step.get("uses")).startsWith("actions/setup-java")) {
					versions.add(String.valueOf(((Map<String, Object>) step.get("with")).get("java-version")));
				}
			}
		}
		// The build selects a JDK 25 toolchain; a runner with only another JDK could not build.
		assertThat(versions).hasSize(4).containsOnly(String.valueOf(Runtime.version().feature())).containsOnly("25");
	}

	@Test
	void shouldAuthenticateOnlyThroughFederationAndGateProductionDeployments() throws IOException {
		String text = Files.readString(WORKFLOW);
		assertThat(text).doesNotContain("secrets.").doesNotContain("credentials_json")
			.doesNotContain("aws-access-key-id").doesNotContain("aws-secret-access-key");
		for (String name : List.of("train", "deploy-gcp", "deploy-aws", "promote")) {
			assertThat(job(name).get("permissions")).as(name).isEqualTo(Map.of("contents", "read", "id-token", "write"));
		}
		for (String name : List.of("deploy-gcp", "deploy-aws")) {
			assertThat(job(name)).as(name).containsEntry("environment", "production").containsEntry("needs", "train");
			assertThat((String) job(name).get("if")).as(name).startsWith("vars.DEPLOY_");
		}
		assertThat(job("test").toString()).contains("profiles/test-all.sh");
		assertThat(job("train").toString()).contains("--train", "profiles/ci/gate.sh", "profiles/ci/publish.sh");
		assertThat(job("deploy-gcp").toString()).contains("--no-traffic", "smoke-test.sh", "--promote");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldSmokeTestEachNewLambdaVersionBeforeTheLiveAliasMoves() throws IOException {
		Map<String, Object> template = new Yaml().load(Files.readString(Path.of("profiles/aws/template.yaml")));
		Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
		Map<String, Object> predict = (Map<String, Object>) ((Map<String, Object>) resources.get("PredictFunction"))
			.get("Properties");
		assertThat(predict).containsEntry("AutoPublishAlias", "live");
		assertThat(predict.get("DeploymentPreference"))
			.isEqualTo(Map.of("Type", "AllAtOnce", "Hooks", Map.of("PreTraffic", Map.of("Ref", "PreTrafficHook"))));
		Map<String, Object> hook = (Map<String, Object>) ((Map<String, Object>) resources.get("PreTrafficHook"))
			.get("Properties");
		assertThat(hook.get("FunctionName").toString()).contains("CodeDeployHook_");
		Map<String, Object> variables = (Map<String, Object>) ((Map<String, Object>) hook.get("Environment"))
			.get("Variables");
		assertThat(variables.get("NEW_VERSION")).isEqualTo(Map.of("Ref", "PredictFunction.Version"));
		ObjectMapper mapper = new ObjectMapper();
		JsonNode example = mapper.readTree(Path.of("src/test/resources/payloads/example.json").toFile());
		assertThat(mapper.readTree((String) variables.get("EXAMPLE_PAYLOAD"))).isEqualTo(example);
		assertThat((String) hook.get("InlineCode")).contains("\"clear\"", "== 400",
				"put_lifecycle_event_hook_execution_status");
	}

}
