package org.heartdisease.kafka;

import java.io.IOException;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged defaults: encrypted and authenticated unless every broker is on this machine or the
 * protocol is given, exactly-once unless the at-least-once profile is active, and broker failures
 * retried without end.
 */
class KafkaSettingsTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withBean(SecurityProtocolDefault.class, SecurityProtocolDefault::new);

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "localhost:9092|PLAINTEXT", "127.0.0.1:9092, LOCALHOST:9093|PLAINTEXT",
			"[::1]:9092|PLAINTEXT", "127.1.2.3:19092|PLAINTEXT", "localhost:9092,b-1.msk.example.com:9096|SASL_SSL",
			"10.0.0.5:9092|SASL_SSL", "localhost.example.com:9092|SASL_SSL", "[2001:db8::1]:9092|SASL_SSL",
			"127.0.0.1.example.com:9092|SASL_SSL", "' , '|SASL_SSL" })
	void shouldChoosePlaintextOnlyWhenEveryBrokerIsLoopback(String servers, String protocol) {
		assertThat(SecurityProtocolDefault.protocolFor(servers)).isEqualTo(protocol);
	}

	@Test
	void shouldDeriveTheProtocolWhenItIsSetNowhere() {
		this.context.withPropertyValues("heart.kafka.bootstrap-servers=b-1.msk.example.com:9096")
			.run((context) -> assertThat(context.getEnvironment().getProperty(SecurityProtocolDefault.SETTING))
				.isEqualTo("SASL_SSL"));
		this.context.withPropertyValues("heart.kafka.bootstrap-servers=localhost:9092")
			.run((context) -> assertThat(context.getEnvironment().getProperty(SecurityProtocolDefault.SETTING))
				.isEqualTo("PLAINTEXT"));
		this.context.run((context) -> assertThat(context.getEnvironment().getProperty(SecurityProtocolDefault.SETTING))
			.isEqualTo("SASL_SSL"));
	}

	@Test
	void shouldKeepAProtocolThatIsGiven() {
		this.context
			.withPropertyValues("heart.kafka.bootstrap-servers=localhost:9092", "heart.kafka.security-protocol=SSL")
			.run((context) -> assertThat(context.getEnvironment().getProperty(SecurityProtocolDefault.SETTING))
				.isEqualTo("SSL"));
	}

	@Test
	void shouldHandTheProtocolToTheBinderAndSetNoDefaultOfItsOwn() throws IOException {
		Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource("config/application.properties"));
		assertThat(defaults.getProperty(SecurityProtocolDefault.SETTING)).isNull();
		assertThat(defaults.getProperty("spring.cloud.stream.kafka.binder.configuration.security.protocol"))
			.isEqualTo("${heart.kafka.security-protocol}");
		assertThat(defaults.getProperty("spring.cloud.stream.kafka.binder.transaction.transaction-id-prefix"))
			.contains("${heart.kafka.instance-id}");
	}

	@Test
	void shouldDropTransactionsAndNeverGiveUpASendInTheAtLeastOnceProfile() throws IOException {
		Properties atLeastOnce = PropertiesLoaderUtils
			.loadProperties(new ClassPathResource("config/application-at-least-once.properties"));
		assertThat(atLeastOnce.getProperty("spring.cloud.stream.kafka.binder.transaction.transaction-id-prefix"))
			.isEmpty();
		assertThat(atLeastOnce.getProperty("spring.cloud.stream.kafka.binder.producer-properties.delivery.timeout.ms"))
			.isEqualTo(String.valueOf(Integer.MAX_VALUE));
	}

	@Test
	void shouldBackOffDoublingUpToTheMaximumAndNeverStop() {
		BackOffExecution backOff = KafkaConfiguration.backOff(500, 10_000).start();
		long[] intervals = new long[1_000];
		for (int i = 0; i < intervals.length; i++) {
			intervals[i] = backOff.nextBackOff();
		}
		assertThat(intervals).startsWith(500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000);
		assertThat(intervals[intervals.length - 1]).isEqualTo(10_000);
	}

}
