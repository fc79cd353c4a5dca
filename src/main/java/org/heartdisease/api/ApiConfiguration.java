package org.heartdisease.api;

import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.prediction.ConditionalOnServing;
import org.heartdisease.prediction.ModelDescription;
import org.heartdisease.prediction.Predictor;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
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

	@Bean
	PredictionExchange predictionExchange(Predictor predict, Supplier<ModelDescription> describe, RequestLimits limits,
			ObjectMapper objectMapper) {
		// The reader validates every payload with predict's validator; predict need not do it again.
		return new PredictionExchange(predict::diagnose, describe, new PayloadReader(predict.validator(), limits), limits,
				objectMapper);
	}

}
