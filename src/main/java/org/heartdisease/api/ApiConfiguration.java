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
 * The shared JSON exchange, for every surface that serves the {@code predict} function.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnServing
@EnableConfigurationProperties(RequestLimits.class)
class ApiConfiguration {

	@Bean
	PredictionExchange predictionExchange(Predictor predict, Supplier<ModelDescription> describe, RequestLimits limits,
			ObjectMapper objectMapper) {
		return new PredictionExchange(predict, new PayloadReader(predict.validator(), limits), objectMapper, describe);
	}

}
