package org.heartdisease;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcomes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.task.TaskExecutor;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the cloud packages' contexts leave out (classpath:cloud-function.properties and the pom's
 * cloud profiles): what a function does not use costs every cold start.
 */
public final class CloudFunctionContexts {

	/**
	 * The HTTP client auto-configurations spring-web on the classpath would switch on at every cold
	 * start; classpath:cloud-function.properties excludes them.
	 */
	public static final List<String> HTTP_CLIENT_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration",
			"org.springframework.boot.autoconfigure.http.client.HttpClientAutoConfiguration",
			"org.springframework.boot.autoconfigure.http.client.reactive.ClientHttpConnectorAutoConfiguration",
			"org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration",
			"org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration");

	private CloudFunctionContexts() {
	}

	public static void assertOnlyWhatAFunctionUses(ConfigurableApplicationContext context) {
		assertThat(AutoConfigurationPackages.has(context)).isTrue();
		Map<String, ConditionAndOutcomes> evaluated = ConditionEvaluationReport.get(context.getBeanFactory())
			.getConditionAndOutcomesBySource();
		assertThat(evaluated.entrySet()).as("auto-configuration of HTTP or the web that matched")
			.filteredOn((entry) -> entry.getValue().isFullMatch())
			.map(Map.Entry::getKey)
			.noneMatch((source) -> source.startsWith("org.springframework.boot.autoconfigure.http.")
					|| source.startsWith("org.springframework.boot.autoconfigure.web."));
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
		// spring-web is on the classpath (HttpStatus): Boot builds the one mapper with it, and must
		// configure no HTTP client, codec or message converter with it.
		assertThat(ClassUtils.isPresent("org.springframework.http.converter.json.Jackson2ObjectMapperBuilder", null))
			.isTrue();
		assertThat(ConditionEvaluationReport.get(context.getBeanFactory()).getExclusions())
			.containsAll(HTTP_CLIENT_AUTO_CONFIGURATIONS);
	}

}
