package org.heartdisease.kafka;

import org.heartdisease.api.PredictionExchange;
import org.heartdisease.prediction.ConditionalOnServing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exports {@code predictKafka}, the function the Kafka deployable binds in its
 * {@code config/application.properties}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnServing
class KafkaConfiguration {

	@Bean
	RecordScorer predictKafka(PredictionExchange exchange,
			@Value("${heart.kafka.dead-letter-topic}") String deadLetterTopic,
			@Value("${heart.kafka.group}") String group) {
		return new RecordScorer(exchange, deadLetterTopic, group);
	}

}
