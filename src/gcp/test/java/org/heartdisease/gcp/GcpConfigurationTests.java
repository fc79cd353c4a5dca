package org.heartdisease.gcp;

import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.CloudFunctionContexts;
import org.heartdisease.HeartDiseaseApplication;
import org.heartdisease.api.PredictionExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.function.context.FunctionCatalog;
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
		assertThat(context.getEnvironment().getProperty("function.name")).isEqualTo(GcpFunction.NAME);
		assertThat(context.getEnvironment().getProperty("spring.cloud.function.definition")).isEqualTo(GcpFunction.NAME);
	}

	@Test
	void shouldHandGcpFunctionTheExchangeThroughTheCatalogUnconverted() {
		// GcpFunction's own look-up: a call in, the exchange's answer out, as it is.
		Function<PredictionExchange.Call, PredictionExchange.Answer> function = context.getBean(FunctionCatalog.class)
			.lookup(GcpFunction.NAME);
		PredictionExchange.Call call = new PredictionExchange.Call("GET", "/model", null, 0, null);
		assertThat(function.apply(call)).usingRecursiveComparison()
			.isEqualTo(context.getBean(PredictionExchange.class).answer(call));
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
