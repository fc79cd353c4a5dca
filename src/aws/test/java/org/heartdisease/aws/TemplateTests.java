package org.heartdisease.aws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.ReferenceExchange;
import org.heartdisease.SurfaceCases;
import org.heartdisease.api.PredictionExchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SAM template's platform wiring, setting by setting: the adapter's handler on a Java runtime,
 * SnapStart on a published alias, a Function URL that needs IAM unless opted out and answers no CORS
 * preflight itself, a smoke test whose payloads the exchange answers as it expects, and a log group
 * with retention. ({@code LambdaRuntimeIT} checks that {@code CodeUri} is the package it ran.)
 */
class TemplateTests {

	private static Map<String, Object> template;

	@BeforeAll
	static void readTemplate() throws IOException {
		template = new Yaml().load(Files.readString(Path.of("profiles/aws/template.yaml")));
	}

	@Test
	void shouldRunTheAdaptersHandlerOnAJavaRuntimeWithTheMavenPackage() throws Exception {
		Map<String, Object> function = properties("PredictFunction");
		assertThat(map(template, "Resources", "PredictFunction")).containsEntry("Type", "AWS::Serverless::Function");
		// The handler names the adapter's stream handler, which hands the raw event to predictLambda.
		String[] handler = ((String) function.get("Handler")).split("::");
		assertThat(handler).hasSize(2);
		assertThat(RequestStreamHandler.class.isAssignableFrom(Class.forName(handler[0]))).isTrue();
		assertThat(Class.forName(handler[0])).isEqualTo(FunctionInvoker.class);
		assertThat(handler[1]).isEqualTo("handleRequest");
		// Lambda's runtime is the Java these tests run on (the build selects a JDK 25 toolchain).
		assertThat(function.get("Runtime")).isEqualTo("java" + Runtime.version().feature()).isEqualTo("java25");
		assertThat((String) function.get("CodeUri")).startsWith("../../target/aws/").endsWith("-aws.zip");
		assertThat(Path.of("profiles/aws").resolve((String) function.get("CodeUri")).normalize())
			.isEqualTo(Path.of("target/aws/heart-disease-function-1.0.0-SNAPSHOT-aws.zip"));
	}

	@Test
	void shouldLeaveCorsOffSoThatPreflightsReachTheExchange() {
		assertThat(map(properties("PredictFunction"), "FunctionUrlConfig")).doesNotContainKey("Cors");
	}

	@Test
	void shouldSmokeTestWithPayloadsThatTheExchangeAnswersAsTheHookExpects() throws IOException {
		Map<String, Object> variables = map(properties("PreTrafficHook"), "Environment", "Variables");
		ObjectMapper mapper = new ObjectMapper();
		String example = (String) variables.get("EXAMPLE_PAYLOAD");
		assertThat(mapper.readTree(example)).isEqualTo(mapper.readTree(SurfaceCases.payload("example.json")));
		JsonNode diagnosis = mapper.readTree(direct(example));
		assertThat(diagnosis.get("diagnosis").asText()).isEqualTo("clear");
		JsonNode problem = mapper.readTree(direct((String) variables.get("INVALID_PAYLOAD")));
		assertThat(problem.get("status").intValue()).isEqualTo(400);
	}

	private static byte[] direct(String payload) {
		return ReferenceExchange.get().answer(PredictionExchange.Call.payload(payload.getBytes(StandardCharsets.UTF_8))).body();
	}

	@Test
	void shouldSelectTheFunctionWithoutEnvironmentVariables() {
		for (Map<String, Object> function : List.of(properties("PredictFunction"), map(template, "Globals", "Function"))) {
			assertThat(map(function, "Environment", "Variables")).doesNotContainKeys("MAIN_CLASS",
					"SPRING_CLOUD_FUNCTION_DEFINITION", "SPRING_APPLICATION_JSON", "SPRING_PROFILES_ACTIVE");
		}
	}

	@Test
	void shouldServeAPublishedAliasWithSnapStart() {
		Map<String, Object> function = properties("PredictFunction");
		assertThat(function).containsEntry("AutoPublishAlias", "live");
		assertThat(map(function, "SnapStart")).containsEntry("ApplyOn", "PublishedVersions");
	}

	@Test
	void shouldRequireIamOnTheFunctionUrlUnlessOptedOut() {
		assertThat(map(properties("PredictFunction"), "FunctionUrlConfig", "AuthType"))
			.isEqualTo(Map.of("Ref", "FunctionUrlAuthType"));
		Map<String, Object> parameter = map(template, "Parameters", "FunctionUrlAuthType");
		assertThat(parameter).containsEntry("Default", "AWS_IAM");
		assertThat(parameter.get("AllowedValues")).asList().containsExactly("AWS_IAM", "NONE");
	}

	@Test
	void shouldKeepLogsInAnExplicitLogGroupWithRetention() {
		assertThat(map(template, "Resources", "PredictLogGroup")).containsEntry("Type", "AWS::Logs::LogGroup");
		assertThat(properties("PredictLogGroup")).containsEntry("RetentionInDays", Map.of("Ref", "LogRetentionInDays"));
		assertThat(map(properties("PredictFunction"), "LoggingConfig"))
			.containsEntry("LogGroup", Map.of("Ref", "PredictLogGroup"));
	}

	@Test
	void shouldRunTheScoreFunctionFromTheSamePackageOnUploadsUnderTheInputPrefix() {
		Map<String, Object> score = properties("ScoreFunction");
		Map<String, Object> predict = properties("PredictFunction");
		assertThat(score.get("CodeUri")).isEqualTo(predict.get("CodeUri"));
		assertThat(score.get("Handler")).isEqualTo(predict.get("Handler"));
		assertThat(map(score, "Environment", "Variables")).containsEntry("SPRING_CLOUD_FUNCTION_DEFINITION", "scoreLambda")
			.containsEntry("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=4")
			.containsEntry("HEART_BATCH_INPUT_PREFIX", Map.of("Ref", "InputPrefix"))
			.containsEntry("HEART_BATCH_OUTPUT_PREFIX", Map.of("Ref", "OutputPrefix"));
		Map<String, Object> upload = map(score, "Events", "Upload");
		assertThat(upload).containsEntry("Type", "S3");
		assertThat(map(upload, "Properties")).containsEntry("Bucket", Map.of("Ref", "PatientFilesBucket"))
			.containsEntry("Events", "s3:ObjectCreated:*");
		// The trigger's half of the recursion guard: only keys under the input prefix reach the function.
		assertThat(map(upload, "Properties", "Filter", "S3Key").get("Rules"))
			.isEqualTo(List.of(Map.of("Name", "prefix", "Value", Map.of("Ref", "InputPrefix"))));
		assertThat(map(template, "Parameters", "InputPrefix")).containsEntry("Default", "incoming/");
		assertThat(map(template, "Parameters", "OutputPrefix")).containsEntry("Default", "scored/");
	}

	@Test
	void shouldSweepTheBucketOnASchedule() {
		Map<String, Object> sweep = map(properties("ScoreFunction"), "Events", "Sweep");
		assertThat(sweep).containsEntry("Type", "ScheduleV2");
		assertThat(map(sweep, "Properties")).containsEntry("ScheduleExpression", Map.of("Ref", "SweepSchedule"))
			.containsEntry("Input", Map.of("Fn::Sub", "{\"sweep\":\"" + BUCKET_NAME + "\"}"));
		assertThat(properties("PatientFilesBucket")).containsEntry("BucketName", Map.of("Fn::Sub", BUCKET_NAME));
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldLetTheScoreFunctionReadInputsAndWriteOutputsOnly() {
		List<Map<String, Object>> policies = (List<Map<String, Object>>) properties("ScoreFunction").get("Policies");
		assertThat(policies).hasSize(1);
		List<Map<String, Object>> statements = (List<Map<String, Object>>) policies.get(0).get("Statement");
		String objects = "arn:${AWS::Partition}:s3:::" + BUCKET_NAME + "/";
		// Sid: actions on resource, for every statement; each an Allow.
		Map<String, String> allowed = new java.util.TreeMap<>();
		for (Map<String, Object> statement : statements) {
			assertThat(statement).containsEntry("Effect", "Allow");
			allowed.put((String) statement.get("Sid"),
					statement.get("Action") + " on " + ((Map<String, Object>) statement.get("Resource")).get("Fn::Sub"));
		}
		assertThat(allowed).containsExactly(Map.entry("ListBothPrefixes", "s3:ListBucket on arn:${AWS::Partition}:s3:::"
				+ BUCKET_NAME), Map.entry("ReadInputs", "s3:GetObject on " + objects + "${InputPrefix}*"),
				Map.entry("ReadManifests", "s3:GetObject on " + objects + "${OutputPrefix}*.manifest.json"),
				Map.entry("WriteOutputs", "[s3:PutObject, s3:AbortMultipartUpload] on " + objects + "${OutputPrefix}*"));
		assertThat(statements).filteredOn((statement) -> "ListBothPrefixes".equals(statement.get("Sid")))
			.singleElement()
			.satisfies((statement) -> assertThat(map(statement, "Condition", "StringLike").get("s3:prefix"))
				.isEqualTo(List.of(Map.of("Fn::Sub", "${InputPrefix}*"), Map.of("Fn::Sub", "${OutputPrefix}*"))));
	}

	@Test
	void shouldKeepTheBucketPrivate() {
		assertThat(map(properties("PatientFilesBucket"), "PublicAccessBlockConfiguration")).containsOnly(
				Map.entry("BlockPublicAcls", true), Map.entry("BlockPublicPolicy", true),
				Map.entry("IgnorePublicAcls", true), Map.entry("RestrictPublicBuckets", true));
		assertThat(properties("PatientFilesBucket")).containsKey("BucketEncryption");
	}

	private static final String BUCKET_NAME = "${AWS::StackName}-${AWS::AccountId}-${AWS::Region}-files";

	private static Map<String, Object> properties(String resource) {
		return map(template, "Resources", resource, "Properties");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> root, String... path) {
		Object node = root;
		for (String key : path) {
			node = (node instanceof Map<?, ?> map) ? map.get(key) : null;
		}
		return (node instanceof Map<?, ?>) ? (Map<String, Object>) node : Map.of();
	}

}
