package org.heartdisease;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.task.TaskExecutor;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the cloud packages' contexts hold (classpath:cloud-function.properties, api.FunctionAutoConfiguration and
 * the pom's cloud profiles): only the auto-configurations a function uses, imported by name; what it does not
 * use costs every cold start.
 */
public final class CloudFunctionContexts {

	/** The auto-configurations api.FunctionAutoConfiguration imports: every one a function uses. */
	public static final Set<String> FUNCTION_AUTO_CONFIGURATIONS = Set.of(
			"org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration",
			"org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration",
			"org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration",
			"org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration");

	private CloudFunctionContexts() {
	}

	/**
	 * @param adapters the auto-configurations the surface's adapter adds itself
	 */
	public static void assertOnlyWhatAFunctionUses(ConfigurableApplicationContext context, String... adapters) {
		// Every auto-configuration any jar on the classpath offers, by its AutoConfiguration.imports.
		Set<String> candidates = new HashSet<>();
		ImportCandidates.load(AutoConfiguration.class, context.getClassLoader()).forEach(candidates::add);
		Set<String> used = new TreeSet<>();
		for (String name : context.getBeanDefinitionNames()) {
			Class<?> type = context.getType(name);
			for (Class<?> source = (type != null) ? ClassUtils.getUserClass(type) : null; source != null;
					source = source.getEnclosingClass()) {
				if (candidates.contains(source.getName())) {
					used.add(source.getName());
				}
			}
		}
		Set<String> allowed = new TreeSet<>(FUNCTION_AUTO_CONFIGURATIONS);
		allowed.addAll(List.of(adapters));
		assertThat(used).as("the auto-configurations in the context").isEqualTo(allowed);
		assertThat(context.getBeanNamesForType(TaskExecutor.class)).as("task executors").isEmpty();
		assertThat(context.getBeanNamesForType(ObjectMapper.class)).as("one ObjectMapper").hasSize(1);
		for (String absent : new String[] { "org.springframework.boot.ssl.SslBundles",
				"org.springframework.scheduling.TaskScheduler",
				"org.springframework.boot.availability.ApplicationAvailability",
				"org.springframework.boot.info.BuildProperties",
				"org.springframework.web.client.RestClient$Builder",
				"org.springframework.boot.web.client.RestTemplateBuilder",
				"org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder",
				"org.springframework.boot.autoconfigure.http.HttpMessageConverters" }) {
			if (ClassUtils.isPresent(absent, null)) {
				assertThat(context.getBeanNamesForType(ClassUtils.resolveClassName(absent, null))).as(absent).isEmpty();
			}
		}
	}

}
