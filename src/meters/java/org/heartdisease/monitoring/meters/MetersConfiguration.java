package org.heartdisease.monitoring.meters;

import io.micrometer.core.instrument.MeterRegistry;
import org.heartdisease.monitoring.MonitoringProperties;
import org.heartdisease.monitoring.ServedCounts;
import org.heartdisease.prediction.ConditionalOnServing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The answers' meters, on the processes that keep a Micrometer registry (the local server and the Kafka
 * scorer, whose builds alone compile {@code src/meters}). Created with the exchange, which asks for every
 * {@code AnswerListener}, so no request goes unmetered.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnServing
class MetersConfiguration {

	@Bean
	ServedMeters servedMeters(ServedCounts servedCounts, MeterRegistry meterRegistry, MonitoringProperties properties) {
		return new ServedMeters(servedCounts, meterRegistry, properties.drift().window(),
				properties.drift().minAnswers());
	}

}
