package org.heartdisease;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.AotDetector;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AotStartup} hands Spring Boot the generated start-up code only when AOT is switched on; the
 * integration tests of the packages that switch it on (LambdaRuntimeIT, GcpInvokerIT) prove it runs.
 */
class AotStartupTests {

	@Test
	void shouldBeRegisteredForEverySpringApplication() {
		List<String> names = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(ApplicationContextInitializer.class)
			.stream()
			.map((initializer) -> initializer.getClass().getName())
			.toList();
		assertThat(names).contains(AotStartup.class.getName());
	}

	@Test
	void shouldDoNothingWithoutAot() {
		assertThat(AotDetector.useGeneratedArtifacts()).isFalse();
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			new AotStartup().initialize(context);
			assertThat(context.getBeanDefinitionNames()).isEmpty();
		}
	}

}
