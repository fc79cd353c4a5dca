package org.heartdisease.aws;

import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.batch.BatchConfiguration;
import org.heartdisease.batch.FileStore;
import org.heartdisease.batch.StoredFileJobs;
import org.heartdisease.monitoring.AnswerListener;
import org.heartdisease.monitoring.MonitoringProperties;
import org.heartdisease.monitoring.ServedCounts;
import org.heartdisease.prediction.ConditionalOnServing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Exports {@code predictLambda}, the function the AWS package selects in its
 * {@code config/application.properties}, and primes it before a SnapStart snapshot; and
 * {@code scoreLambda}, which scores files uploaded to S3 (the template's second function selects it);
 * {@code driftLambda}, which the template runs on a schedule; and the metrics all three write.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnServing
@Import(BatchConfiguration.class)
class LambdaConfiguration {

	@Bean
	LambdaEventFunction predictLambda(PredictionExchange exchange, ObjectMapper objectMapper) {
		return new LambdaEventFunction(exchange, objectMapper);
	}

	/**
	 * The function the template's score function selects ({@code SPRING_CLOUD_FUNCTION_DEFINITION}): S3
	 * uploads and the schedule's sweep. Its jobs, and the S3 client under them, are created on its first
	 * event only.
	 */
	@Bean
	S3EventFunction scoreLambda(ObjectProvider<StoredFileJobs> storedFileJobs, ObjectMapper objectMapper) {
		return new S3EventFunction(storedFileJobs, objectMapper);
	}

	// Declared as the interface, and built by a factory: neither this class nor the start-up code AOT
	// generates for it names an S3 type, so nothing loads one until a file is scored.
	@Bean
	@Lazy
	FileStore s3FileStore(Environment environment) {
		return S3FileStore.create(environment.getProperty("heart.aws.s3-endpoint"));
	}

	/**
	 * Every function's metrics, as embedded-metric-format lines on standard output (what the runtime
	 * ships to CloudWatch Logs), with the function's name and version as Lambda sets them.
	 */
	@Bean
	AnswerListener embeddedMetrics(Environment environment) {
		return new EmbeddedMetrics(namespace(environment), environment.getProperty("AWS_LAMBDA_FUNCTION_NAME", "unknown"),
				environment.getProperty("AWS_LAMBDA_FUNCTION_VERSION", "unknown"), System.out);
	}

	/**
	 * The function the template's drift function selects on its schedule. Its CloudWatch client is
	 * created on its first event only, like the score function's S3 client.
	 */
	@Bean
	DriftFunction driftLambda(ObjectProvider<MetricSums> metricSums, ServedCounts servedCounts,
			MonitoringProperties monitoring, ObjectMapper objectMapper, Environment environment) {
		DriftFunction.Settings settings = new DriftFunction.Settings(namespace(environment),
				environment.getProperty("heart.aws.drift.predict-version"),
				environment.getProperty("heart.aws.drift.window", Duration.class, Duration.ofHours(24)),
				monitoring.drift().minAnswers());
		return new DriftFunction(metricSums, servedCounts.bins(), settings, objectMapper, System.out,
				Clock.systemUTC());
	}

	// Declared as the interface and built by a factory, as s3FileStore: nothing names a CloudWatch type
	// until the drift function runs.
	@Bean
	@Lazy
	MetricSums cloudWatchMetricSums(Environment environment) {
		return CloudWatchMetricSums.create(environment.getProperty("heart.aws.cloudwatch-endpoint"));
	}

	private static String namespace(Environment environment) {
		return environment.getProperty("heart.aws.metrics.namespace", EmbeddedMetrics.NAMESPACE);
	}

	@Bean
	SnapStartPriming snapStartPriming(FunctionCatalog catalog, JsonMapper jsonMapper, ObjectMapper objectMapper,
			Environment environment) {
		return new SnapStartPriming(catalog, jsonMapper, objectMapper,
				environment.getProperty("spring.cloud.function.definition", "predictLambda"));
	}

}
