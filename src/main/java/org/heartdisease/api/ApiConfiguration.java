package org.heartdisease.api;

import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.monitoring.AnswerMonitor;
import org.heartdisease.prediction.ConditionalOnServing;
import org.heartdisease.prediction.ModelDescription;
import org.heartdisease.prediction.Predictor;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.function.json.JacksonMapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one exchange every surface maps its transport onto, over the {@code predict} and
 * {@code describe} beans.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnServing
@EnableConfigurationProperties(RequestLimits.class)
class ApiConfiguration {

	/**
	 * Spring Cloud Function's JSON over the application's one mapper, on every surface. Without this bean
	 * the catalog copies the mapper and registers Jackson's Joda-Time module on the copy, which needs
	 * Joda-Time (no deployable holds it: the pom's unserved.everywhere); and the GCP adapter's
	 * {@code FunctionInvoker} would map JSON with Gson.
	 */
	@Bean
	JsonMapper jsonMapper(ObjectMapper objectMapper) {
		return new JacksonMapper(objectMapper);
	}

	@Bean
	PredictionExchange predictionExchange(Predictor predict, Supplier<ModelDescription> describe, RequestLimits limits,
			ObjectMapper objectMapper, AnswerMonitor answerMonitor) {
		// The reader validates every payload with predict's validator; predict need not do it again.
		return new PredictionExchange(predict::diagnose, describe, new PayloadReader(predict.validator(), limits), limits,
				objectMapper, answerMonitor);
	}

}
