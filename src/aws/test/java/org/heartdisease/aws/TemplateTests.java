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
		assertRunsThePredictFunctionsPackage(score);
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

	@Test
	void shouldRunTheDriftFunctionFromTheSamePackageOnAScheduleOverTheLivePredictVersion() {
		Map<String, Object> drift = properties("DriftFunction");
		assertRunsThePredictFunctionsPackage(drift);
		assertThat(map(drift, "Environment", "Variables")).containsOnly(
				Map.entry("SPRING_CLOUD_FUNCTION_DEFINITION", "driftLambda"),
				Map.entry("HEART_AWS_DRIFT_PREDICT_VERSION", Map.of("Ref", "PredictFunction.Version")));
		Map<String, Object> schedule = map(drift, "Events", "Hourly");
		assertThat(schedule).containsEntry("Type", "ScheduleV2");
		assertThat(map(schedule, "Properties")).containsOnly(Map.entry("ScheduleExpression", Map.of("Ref", "DriftSchedule")));
		assertThat(map(template, "Parameters", "DriftSchedule")).containsEntry("Default", "rate(1 hour)");
		assertThat(map(drift, "Events")).containsOnlyKeys("Hourly");
		assertThat(map(drift, "LoggingConfig")).containsEntry("LogGroup", Map.of("Ref", "DriftLogGroup"));
		assertThat(properties("DriftLogGroup")).containsEntry("RetentionInDays", Map.of("Ref", "LogRetentionInDays"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldLetTheDriftFunctionReadMetricsOnly() {
		List<Map<String, Object>> policies = (List<Map<String, Object>>) properties("DriftFunction").get("Policies");
		assertThat(policies).hasSize(1);
		// GetMetricData has no resource-level permission: "*" is the only resource IAM accepts for it.
		assertThat(policies.get(0).get("Statement")).isEqualTo(List.of(Map.of("Sid", "ReadMetrics", "Effect", "Allow",
				"Action", "cloudwatch:GetMetricData", "Resource", "*")));
	}

	// The Version dimension's value: the version number, the last of the version ARN's colon-separated parts.
	private static final Map<String, Object> LIVE_VERSION = Map.of("Fn::Select",
			List.of(7, Map.of("Fn::Split", List.of(":", Map.of("Ref", "PredictFunction.Version")))));

	private static final List<Map<String, Object>> PREDICT_DIMENSIONS = List.of(
			Map.of("Name", "Function", "Value", Map.of("Ref", "PredictFunction")),
			Map.of("Name", "Version", "Value", LIVE_VERSION));

	@Test
	void shouldReadTheVersionNumberFromTheVersionArnAsTheDriftFunctionDoes() {
		String arn = "arn:aws:lambda:eu-west-1:123456789012:function:heart-disease-predict:42";
		assertThat(arn.split(":")[(Integer) ((List<?>) LIVE_VERSION.get("Fn::Select")).get(0)]).isEqualTo("42");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldAlarmOnTheShareOfFiveHundredsAmongTheLiveVersionsAnswers() {
		Map<String, Object> alarm = properties("ErrorRateAlarm");
		assertThat(map(template, "Resources", "ErrorRateAlarm")).containsEntry("Type", "AWS::CloudWatch::Alarm");
		assertThat(alarm).containsEntry("AlarmName", Map.of("Fn::Sub", "${AWS::StackName}-predict-error-rate"));
		List<Map<String, Object>> metrics = (List<Map<String, Object>>) alarm.get("Metrics");
		assertThat(metrics).extracting((metric) -> metric.get("Id")).containsExactly("errors", "answers", "rate");
		// The metrics EmbeddedMetrics writes, in its namespace, on the live version's dimensions.
		List<String> read = List.of("Answers." + org.heartdisease.monitoring.Outcome.ERROR.label(), "Answers");
		for (int i = 0; i < 2; i++) {
			Map<String, Object> stat = map(metrics.get(i), "MetricStat");
			assertThat(map(stat, "Metric")).containsOnly(Map.entry("Namespace", EmbeddedMetrics.NAMESPACE),
					Map.entry("MetricName", read.get(i)), Map.entry("Dimensions", PREDICT_DIMENSIONS));
			assertThat(stat).containsEntry("Stat", "Sum").containsEntry("Period", 300);
			assertThat(metrics.get(i)).containsEntry("ReturnData", false);
		}
		// Answers.error is written only when not zero: a period without one counts 0, not missing.
		assertThat(metrics.get(2)).containsEntry("Expression", "100 * FILL(errors, 0) / answers")
			.containsEntry("ReturnData", true);
		assertThat(alarm).containsEntry("Threshold", Map.of("Ref", "ErrorRatePercent"))
			.containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold");
		assertThat(map(template, "Parameters", "ErrorRatePercent")).containsEntry("Default", 1);
	}

	@Test
	void shouldAlarmOnFunctionErrorsAndTheP99OfLambdasDuration() {
		Map<String, Object> latency = properties("LatencyAlarm");
		assertThat(latency).containsEntry("AlarmName", Map.of("Fn::Sub", "${AWS::StackName}-predict-latency-p99"))
			.containsEntry("Namespace", "AWS/Lambda")
			.containsEntry("MetricName", "Duration")
			.containsEntry("ExtendedStatistic", "p99")
			.containsEntry("Threshold", Map.of("Ref", "LatencyP99Milliseconds"))
			.containsEntry("Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", "PredictFunction"))))
			.doesNotContainKey("Statistic");
		for (String[] errors : new String[][] { { "FunctionErrorsAlarm", "predict-function-errors", "PredictFunction" },
				{ "DriftFunctionErrorsAlarm", "drift-function-errors", "DriftFunction" } }) {
			assertThat(properties(errors[0])).containsEntry("AlarmName", Map.of("Fn::Sub", "${AWS::StackName}-" + errors[1]))
				.containsEntry("Namespace", "AWS/Lambda")
				.containsEntry("MetricName", "Errors")
				.containsEntry("Statistic", "Sum")
				.containsEntry("Threshold", 1)
				.containsEntry("Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", errors[2]))));
		}
	}

	@Test
	void shouldAlarmWhenTheDriftFunctionsIndexReachesTheMajorThreshold() {
		Map<String, Object> alarm = properties("DriftAlarm");
		assertThat(alarm).containsEntry("AlarmName", Map.of("Fn::Sub", "${AWS::StackName}-predict-drift"))
			.containsEntry("Namespace", EmbeddedMetrics.NAMESPACE)
			.containsEntry("MetricName", "Drift")
			.containsEntry("Dimensions", PREDICT_DIMENSIONS)
			.containsEntry("Statistic", "Maximum")
			.containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
			.containsEntry("Threshold", Map.of("Ref", "DriftThreshold"));
		// An hour's period: the drift function's schedule writes one index an hour.
		assertThat(alarm.get("Period")).isEqualTo(3600);
		assertThat(((Number) map(template, "Parameters", "DriftThreshold").get("Default")).doubleValue())
			.isEqualTo(org.heartdisease.monitoring.Drift.Thresholds.USUAL.major());
	}

	@Test
	void shouldNotifyNothingButATopicGivenAndTreatMissingDataAsQuiet() {
		assertThat(map(template, "Parameters", "AlarmTopicArn")).containsEntry("Default", "");
		assertThat(map(template, "Conditions", "HasAlarmTopic"))
			.isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "AlarmTopicArn"), "")))));
		Map<String, Object> onlyIfGiven = Map.of("Fn::If",
				List.of("HasAlarmTopic", List.of(Map.of("Ref", "AlarmTopicArn")), Map.of("Ref", "AWS::NoValue")));
		List<String> alarms = alarms();
		assertThat(alarms).containsExactlyInAnyOrder("ErrorRateAlarm", "FunctionErrorsAlarm", "LatencyAlarm",
				"DriftAlarm", "DriftFunctionErrorsAlarm");
		for (String alarm : alarms) {
			assertThat(properties(alarm)).as(alarm)
				.containsEntry("AlarmActions", onlyIfGiven)
				.containsEntry("OKActions", onlyIfGiven)
				.containsEntry("TreatMissingData", "notBreaching")
				.doesNotContainKey("InsufficientDataActions");
		}
		// No topic of its own, so no subscription anyone could add to.
		assertThat(map(template, "Resources").values()).noneMatch((resource) -> String.valueOf(((Map<?, ?>) resource).get("Type"))
			.startsWith("AWS::SNS::"));
	}

	private static List<String> alarms() {
		return map(template, "Resources").entrySet()
			.stream()
			.filter((resource) -> "AWS::CloudWatch::Alarm".equals(((Map<?, ?>) resource.getValue()).get("Type")))
			.map(Map.Entry::getKey)
			.toList();
	}

	// Another function of the same zip: what it runs is chosen by its environment alone.
	private static void assertRunsThePredictFunctionsPackage(Map<String, Object> function) {
		Map<String, Object> predict = properties("PredictFunction");
		for (String setting : List.of("CodeUri", "Handler", "Runtime")) {
			assertThat(function.get(setting)).as(setting).isEqualTo(predict.get(setting));
		}
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
