package org.heartdisease.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.CloudFunctionContexts;
import org.heartdisease.HeartDiseaseApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.json.JacksonMapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as GcpFunction starts it: which function it exports, with which JSON mapper,
 * and how the catalog hands that function to the adapter.
 */
class GcpConfigurationTests {

	static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() {
		// What the adapter's FunctionInvoker asks for (as a system property) when no environment variable says otherwise.
		context = new SpringApplicationBuilder(HeartDiseaseApplication.class).web(WebApplicationType.NONE)
			.run("--spring.cloud.function.preferred-json-mapper=gson");
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void shouldMapJsonWithJacksonOverBootsObjectMapperEvenWhenGsonIsPreferred() {
		assertThat(context.getBean(JsonMapper.class)).isInstanceOf(JacksonMapper.class);
		assertThat(context.getBean(JsonMapper.class).toString(new Probe(1.5, null)))
			.isEqualTo(new String(toBytes(context.getBean(ObjectMapper.class), new Probe(1.5, null))));
	}

	@Test
	void shouldExportGcpPredictFromPackagedConfigurationAlone() {
		assertThat(System.getenv("spring.cloud.function.definition")).isNull();
		assertThat(context.getEnvironment().getProperty("function.name")).isEqualTo(GcpPredictFunction.NAME);
		assertThat(context.getEnvironment().getProperty("spring.cloud.function.definition"))
			.isEqualTo(GcpPredictFunction.NAME);
		assertThat(context.getBean(GcpPredictFunction.NAME)).isInstanceOf(GcpPredictFunction.class);
	}

	@Test
	void shouldHandTheAdapterGcpPredictWithoutConversions() {
		// The adapter's own look-up, after start-up.
		FunctionInvocationWrapper function = context.getBean(FunctionCatalog.class)
			.lookup(GcpPredictFunction.NAME, "application/json");
		assertThat(function.isSkipInputConversion()).isTrue();
		assertThat(function.isSkipOutputConversion()).isTrue();
	}

	@Test
	void shouldCarryOnlyTheAutoConfigurationAFunctionUses() {
		CloudFunctionContexts.assertOnlyWhatAFunctionUses(context);
	}

	@Test
	void shouldCarryNoServletApiOrWebServer() {
		assertThat(ClassUtils.isPresent("jakarta.servlet.Servlet", null)).isFalse();
		assertThat(ClassUtils.isPresent("org.springframework.web.servlet.DispatcherServlet", null)).isFalse();
		assertThat(ClassUtils.isPresent("org.apache.catalina.startup.Tomcat", null)).isFalse();
	}

	private static byte[] toBytes(ObjectMapper mapper, Object value) {
		try {
			return mapper.writeValueAsBytes(value);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Gson would write {@code null} fields differently and ignore Jackson's annotations. */
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	record Probe(double value, String absent) {
	}

}
