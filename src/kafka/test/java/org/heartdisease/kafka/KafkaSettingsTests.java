package org.heartdisease.kafka;

import java.io.IOException;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged defaults: encrypted and authenticated unless switched off, exactly-once unless the
 * at-least-once profile is active.
 */
class KafkaSettingsTests {

	@Test
	void shouldDefaultToSaslSslAndTransactions() throws IOException {
		Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource("config/application.properties"));
		assertThat(defaults.getProperty("heart.kafka.security-protocol")).isEqualTo("SASL_SSL");
		assertThat(defaults.getProperty("spring.cloud.stream.kafka.binder.configuration.security.protocol"))
			.isEqualTo("${heart.kafka.security-protocol}");
		assertThat(defaults.getProperty("spring.cloud.stream.kafka.binder.transaction.transaction-id-prefix"))
			.contains("${heart.kafka.instance-id}");
	}

	@Test
	void shouldDropTransactionsInTheAtLeastOnceProfile() throws IOException {
		Properties atLeastOnce = PropertiesLoaderUtils
			.loadProperties(new ClassPathResource("config/application-at-least-once.properties"));
		assertThat(atLeastOnce.getProperty("spring.cloud.stream.kafka.binder.transaction.transaction-id-prefix"))
			.isEmpty();
	}

}
