package org.heartdisease.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.prediction.ConditionalOnServing;

import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Exports {@code predictLambda}, the function the AWS package selects in its
 * {@code config/application.properties}, and primes it before a SnapStart snapshot.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnServing
class LambdaConfiguration {

	@Bean
	LambdaEventFunction predictLambda(PredictionExchange exchange, ObjectMapper objectMapper) {
		return new LambdaEventFunction(exchange, objectMapper);
	}

	@Bean
	SnapStartPriming snapStartPriming(FunctionCatalog catalog, JsonMapper jsonMapper, ObjectMapper objectMapper,
			Environment environment) {
		return new SnapStartPriming(catalog, jsonMapper, objectMapper,
				environment.getProperty("spring.cloud.function.definition", "predictLambda"));
	}

}
