package org.heartdisease.gcp;

import java.util.function.Function;

import org.heartdisease.api.PredictionExchange;
import org.heartdisease.prediction.ConditionalOnServing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Cloud Functions surface: the exported {@code gcpPredict} function (selected by
 * {@code function.name} in {@code config/application.properties}), which {@link GcpFunction} calls.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnServing
class GcpConfiguration {

	@Bean(GcpFunction.NAME)
	Function<PredictionExchange.Call, PredictionExchange.Answer> gcpPredict(PredictionExchange exchange) {
		return exchange::answer;
	}

}
