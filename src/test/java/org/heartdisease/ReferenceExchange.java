package org.heartdisease;

import java.util.Map;

import org.heartdisease.api.PredictionExchange;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The shared exchange as the application builds it (its beans, Boot's ObjectMapper), without any
 * surface: the answer every surface's answer is compared with, byte for byte.
 */
public final class ReferenceExchange {

	private static PredictionExchange exchange;

	private ReferenceExchange() {
	}

	/** @return the exchange, from one context started on first use and shared by the JVM's tests */
	public static synchronized PredictionExchange get() {
		if (exchange == null) {
			exchange = new SpringApplicationBuilder(HeartDiseaseApplication.class).web(WebApplicationType.NONE)
				.properties(Map.of("spring.main.banner-mode", "off", "spring.main.log-startup-info", "false",
						// On the kafka profile's classpath: any free port for the metrics' scrape.
						"heart.kafka.metrics-port", "0",
						// No surface: on the kafka profile's classpath, no stream bindings, which would
						// connect to a broker. Boot skips the exclusion of a class that is not there.
						"spring.autoconfigure.exclude", "org.springframework.cloud.stream.config.BindingServiceConfiguration,"
								+ "org.springframework.cloud.stream.function.FunctionConfiguration"))
				.run()
				.getBean(PredictionExchange.class);
		}
		return exchange;
	}

	/** @return the exchange's answer to a case */
	public static PredictionExchange.Answer answer(SurfaceCases.SurfaceCase surfaceCase) {
		return get().answer(surfaceCase.call());
	}

}
