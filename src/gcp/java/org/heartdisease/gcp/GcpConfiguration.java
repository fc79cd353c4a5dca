package org.heartdisease.gcp;

import java.util.function.Function;

import org.heartdisease.api.PredictionExchange;
import org.heartdisease.prediction.ConditionalOnServing;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Cloud Functions surface: the exported {@code gcpPredict} function (selected by
 * {@code function.name} in {@code config/application.properties}), and the adapter settings it needs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnServing
class GcpConfiguration {

	@Bean(GcpPredictFunction.NAME)
	GcpPredictFunction gcpPredict(PredictionExchange exchange) {
		return new GcpPredictFunction(exchange);
	}

	/**
	 * Hands {@code gcpPredict} the adapter's message untouched and the adapter its reply untouched:
	 * input conversion would read the body before the exchange could judge it, and output conversion
	 * would add {@code id}, {@code timestamp} and {@code contentType} headers, which the adapter sends
	 * as HTTP headers. The catalog keeps one wrapper per function, the one the adapter looks up.
	 */
	@Bean
	SmartInitializingSingleton gcpPredictUnconverted(FunctionCatalog catalog) {
		return () -> {
			FunctionInvocationWrapper function = catalog.lookup(Function.class, GcpPredictFunction.NAME);
			function.setSkipInputConversion(true);
			function.setSkipOutputConversion(true);
		};
	}

}
