package org.heartdisease;

import org.springframework.aot.AotDetector;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AotApplicationContextInitializer;

/**
 * Runs the start-up code Spring AOT generated for {@link HeartDiseaseApplication} at build time
 * ({@code process-aot}) when it is switched on ({@code spring.aot.enabled}), whichever class the JVM
 * was launched with. Spring Boot would otherwise look for the generated code of the class whose
 * {@code main} started the JVM: under Google's Functions Framework that is the invoker's, which has
 * none, so the Cloud Functions jar could not start with AOT. Registered in
 * {@code META-INF/spring.factories}; without AOT it does nothing.
 */
public class AotStartup implements AotApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String GENERATED_INITIALIZER = HeartDiseaseApplication.class.getName() + "__ApplicationContextInitializer";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (AotDetector.useGeneratedArtifacts()) {
			AotApplicationContextInitializer.forInitializerClasses(GENERATED_INITIALIZER).initialize(context);
		}
	}

}
