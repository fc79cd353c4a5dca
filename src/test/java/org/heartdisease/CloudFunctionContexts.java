package org.heartdisease;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.ApplicationContext;
import org.springframework.core.task.TaskExecutor;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the cloud packages' contexts leave out (classpath:cloud-function.properties and the pom's
 * cloud profiles): what a function does not use costs every cold start.
 */
public final class CloudFunctionContexts {

	private CloudFunctionContexts() {
	}

	public static void assertOnlyWhatAFunctionUses(ApplicationContext context) {
		assertThat(AutoConfigurationPackages.has(context)).isTrue();
		assertThat(context.getBeanNamesForType(TaskExecutor.class)).as("task executors").isEmpty();
		assertThat(context.getBeanNamesForType(ObjectMapper.class)).as("one ObjectMapper").hasSize(1);
		for (String absent : new String[] { "org.springframework.boot.ssl.SslBundles",
				"org.springframework.scheduling.TaskScheduler",
				"org.springframework.boot.availability.ApplicationAvailability",
				"org.springframework.boot.info.BuildProperties" }) {
			if (ClassUtils.isPresent(absent, null)) {
				assertThat(context.getBeanNamesForType(ClassUtils.resolveClassName(absent, null))).as(absent).isEmpty();
			}
		}
		// Without spring-web Boot builds no mapper, and has no HTTP clients to configure.
		assertThat(ClassUtils.isPresent("org.springframework.web.client.RestClient", null)).isFalse();
		assertThat(ClassUtils.isPresent("org.springframework.http.converter.json.Jackson2ObjectMapperBuilder", null))
			.isFalse();
	}

}
