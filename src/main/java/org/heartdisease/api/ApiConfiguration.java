package org.heartdisease.api;

import java.util.function.Supplier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.heartdisease.prediction.ConditionalOnServing;
import org.heartdisease.prediction.ModelDescription;
import org.heartdisease.prediction.Predictor;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
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

	/**
	 * The application's one ObjectMapper where Boot does not build it: Boot builds it with spring-web's
	 * {@code Jackson2ObjectMapperBuilder}, which the cloud packages leave out (spring-web would also
	 * have Boot configure HTTP clients at every cold start). Boot's defaults, written out;
	 * {@code PlainObjectMapperTests} proves that it writes every answer exactly as Boot's does.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.http.converter.json.Jackson2ObjectMapperBuilder")
	static class PlainObjectMapperConfiguration {

		@Bean
		ObjectMapper objectMapper() {
			return JsonMapper.builder()
				.addModule(new JavaTimeModule())
				.disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
				.build();
		}

	}

}
