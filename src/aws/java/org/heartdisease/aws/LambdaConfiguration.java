package org.heartdisease.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.prediction.ConditionalOnServing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exports {@code predictLambda}, the function the AWS package selects in its
 * {@code config/application.properties}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnServing
class LambdaConfiguration {

	@Bean
	LambdaEventFunction predictLambda(PredictionExchange exchange, ObjectMapper objectMapper) {
		return new LambdaEventFunction(exchange, objectMapper);
	}

}
