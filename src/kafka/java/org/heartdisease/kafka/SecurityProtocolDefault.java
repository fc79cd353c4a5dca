package org.heartdisease.kafka;

import java.util.Map;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Encryption on by default outside this machine: when {@code heart.kafka.security-protocol} is set
 * nowhere, it becomes {@code PLAINTEXT} only if every one of {@code heart.kafka.bootstrap-servers} is
 * a loopback address (the broker of {@code profiles/kafka/broker.sh} and of the tests), and
 * {@code SASL_SSL} otherwise. It is the environment's last property source, so a setting given
 * anywhere wins. A bean factory post-processor, because it runs before any bean reads the setting and
 * needs no {@code META-INF/spring.factories} of its own (this profile's jar shares the application's).
 */
final class SecurityProtocolDefault implements BeanFactoryPostProcessor, EnvironmentAware {

	static final String SETTING = "heart.kafka.security-protocol";

	private ConfigurableEnvironment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = (ConfigurableEnvironment) environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (this.environment.getProperty(SETTING) == null) {
			String servers = this.environment.getProperty("heart.kafka.bootstrap-servers", "");
			this.environment.getPropertySources()
				.addLast(new MapPropertySource("heart.kafka security default", Map.of(SETTING, protocolFor(servers))));
		}
	}

	/**
	 * @param bootstrapServers comma-separated {@code host:port} entries, IPv6 hosts in brackets
	 * @return {@code PLAINTEXT} when every host is {@code localhost}, {@code 127.x.x.x} or {@code [::1]};
	 * {@code SASL_SSL} otherwise, an empty list included
	 */
	static String protocolFor(String bootstrapServers) {
		boolean any = false;
		for (String server : bootstrapServers.split(",")) {
			String entry = server.trim();
			if (entry.isEmpty()) {
				continue;
			}
			any = true;
			if (!isLoopback(hostOf(entry))) {
				return "SASL_SSL";
			}
		}
		return any ? "PLAINTEXT" : "SASL_SSL";
	}

	private static String hostOf(String entry) {
		if (entry.startsWith("[")) {
			int end = entry.indexOf(']');
			return (end > 0) ? entry.substring(1, end) : entry;
		}
		int colon = entry.lastIndexOf(':');
		return (colon >= 0) ? entry.substring(0, colon) : entry;
	}

	private static boolean isLoopback(String host) {
		return host.equalsIgnoreCase("localhost") || host.equals("::1") || host.matches("127(\\.\\d{1,3}){3}");
	}

}
