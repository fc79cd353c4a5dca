package org.heartdisease.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.CloudFunctionContexts;
import org.heartdisease.HeartDiseaseApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.function.json.JacksonMapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as adapter-aws starts it: only what a function uses, and one JSON mapper.
 */
class LambdaConfigurationTests {

	static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(HeartDiseaseApplication.class).web(WebApplicationType.NONE).run();
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void shouldCarryOnlyTheAutoConfigurationAFunctionUses() {
		CloudFunctionContexts.assertOnlyWhatAFunctionUses(context);
	}

	@Test
	void shouldConvertJsonWithTheApplicationsOneMapperAndNoJodaModule() {
		assertThat(context.getBean(JsonMapper.class)).isInstanceOf(JacksonMapper.class);
		ObjectMapper mapper = context.getBean(ObjectMapper.class);
		assertThat(mapper.getRegisteredModuleIds()).noneMatch((id) -> id.toString().contains("joda"));
		assertThat(context.getBean(JsonMapper.class).toString(new int[] { 1, 2 })).isEqualTo("[1,2]");
	}

}
