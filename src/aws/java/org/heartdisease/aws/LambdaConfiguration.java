package org.heartdisease.aws;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.prediction.ConditionalOnServing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.json.JacksonMapper;
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

	/**
	 * Spring Cloud Function's JSON over the application's one mapper. Without this bean the catalog
	 * copies the mapper and registers Jackson's Joda-Time module on the copy, which would load
	 * Joda-Time at every cold start (the zip leaves Joda-Time out).
	 */
	@Bean
	JsonMapper jsonMapper(ObjectMapper objectMapper) {
		return new JacksonMapper(objectMapper);
	}

	/**
	 * Boot's defaults, written out, for as long as this profile's zip leaves spring-web out: Boot
	 * builds the application's ObjectMapper with spring-web's {@code Jackson2ObjectMapperBuilder}.
	 * Inert once the packaging puts spring-web back (then delete it).
	 */
	@Bean
	@ConditionalOnMissingClass("org.springframework.http.converter.json.Jackson2ObjectMapperBuilder")
	ObjectMapper objectMapper() {
		return com.fasterxml.jackson.databind.json.JsonMapper.builder()
			.addModule(new JavaTimeModule())
			.disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
			.build();
	}

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
