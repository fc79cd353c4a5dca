package org.heartdisease.kafka;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.prediction.ConditionalOnServing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Exports {@code predictKafka}, the function the Kafka deployable binds in its
 * {@code config/application.properties}, and what the binder's containers and clients need besides
 * its properties: the retry of broker failures, the security protocol's default, and the metrics' scrape.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnServing
class KafkaConfiguration {

	/** The Prometheus scrape of the answers' meters and the consumer lag ({@code heart.kafka.metrics-*}). */
	@Bean(destroyMethod = "close")
	MetricsEndpoint metricsEndpoint(PrometheusMeterRegistry registry,
			@Value("${heart.kafka.metrics-address}") String address, @Value("${heart.kafka.metrics-port}") int port) {
		return MetricsEndpoint.start(registry, address, port);
	}

	@Bean
	RecordScorer predictKafka(PredictionExchange exchange,
			@Value("${heart.kafka.dead-letter-topic}") String deadLetterTopic,
			@Value("${heart.kafka.group}") String group) {
		return new RecordScorer(exchange, deadLetterTopic, group);
	}

	/**
	 * Retries a poll that failed, which can only be the broker's doing (a record's data is answered, never
	 * thrown): the whole poll again, after a back-off that doubles from {@code heart.kafka.retry-initial-ms}
	 * up to {@code heart.kafka.retry-max-ms}, and without end, because giving up would commit the offsets of
	 * records never answered. spring-kafka's defaults for a batch listener would instead retry at once, in a
	 * tight loop on a broker that is down (exactly-once), or ten times and then log the poll and skip it
	 * (at-least-once). Exactly-once retries after the poll's transaction is rolled back; at-least-once
	 * calls the function again.
	 */
	@Bean
	ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> retryBrokerFailures(
			@Value("${heart.kafka.retry-initial-ms}") long initial, @Value("${heart.kafka.retry-max-ms}") long max,
			@Value("${spring.cloud.stream.kafka.binder.transaction.transaction-id-prefix:}") String transactions) {
		return (container, destination, group) -> {
			if (transactions.isEmpty()) {
				container.setCommonErrorHandler(new DefaultErrorHandler(backOff(initial, max)));
			}
			else {
				// No error handler: the failure must leave the transaction, whose producer only an abort
				// brings back (an error handler would retry inside it, on a producer in an error state).
				container.setAfterRollbackProcessor(new DefaultAfterRollbackProcessor<>(backOff(initial, max)));
			}
		};
	}

	static ExponentialBackOff backOff(long initial, long max) {
		ExponentialBackOff backOff = new ExponentialBackOff(initial, 2.0);
		backOff.setMaxInterval(max);
		// Spring's default: no limit on the attempts or the time spent.
		return backOff;
	}

	@Bean
	static SecurityProtocolDefault securityProtocolDefault() {
		return new SecurityProtocolDefault();
	}

}
