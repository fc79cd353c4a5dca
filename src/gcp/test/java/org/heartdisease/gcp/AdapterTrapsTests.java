package org.heartdisease.gcp;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.google.cloud.functions.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.cloud.function.adapter.gcp.FunctionInvoker;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * What the adapter's own {@code FunctionInvoker.service} (spring-cloud-function-adapter-gcp 4.3.0) does,
 * and why {@link GcpFunction} answers through its own seam instead: a function's exception leaves the
 * adapter (Google's invoker then sends an empty 500), and only an Integer {@code statusCode} header sets
 * a status. Should an upgrade change either, these fail and the seam can be reconsidered.
 */
class AdapterTrapsTests {

	private static final String JSON_MAPPER = ContextFunctionCatalogAutoConfiguration.JSON_MAPPER_PROPERTY;

	static String previousJsonMapper;

	@BeforeAll
	static void rememberTheSystemPropertyTheAdapterSets() {
		previousJsonMapper = System.getProperty(JSON_MAPPER);
	}

	@AfterAll
	static void restoreIt() {
		if (previousJsonMapper == null) {
			System.clearProperty(JSON_MAPPER);
		}
		else {
			System.setProperty(JSON_MAPPER, previousJsonMapper);
		}
	}

	@Test
	void shouldLetAFunctionsExceptionOutOfTheAdapter() {
		FunctionInvoker adapter = new FunctionInvoker(Throwing.class);
		assertThatIllegalStateException().isThrownBy(() -> adapter.service(request("boom"), new GcpFunctionTests.RecordingResponse()))
			.withMessageContaining("secret internals");
	}

	@Test
	void shouldSetAStatusOnlyFromAnIntegerStatusCodeHeader() throws Exception {
		FunctionInvoker adapter = new FunctionInvoker(Statuses.class);
		GcpFunctionTests.RecordingResponse asString = new GcpFunctionTests.RecordingResponse();
		adapter.service(request("string"), asString);
		assertThat(asString.status).isEqualTo(200);
		GcpFunctionTests.RecordingResponse asInteger = new GcpFunctionTests.RecordingResponse();
		adapter.service(request("integer"), asInteger);
		assertThat(asInteger.status).isEqualTo(404);
	}

	private static HttpRequest request(String body) throws Exception {
		HttpRequest request = mock(HttpRequest.class);
		given(request.getMethod()).willReturn("POST");
		given(request.getPath()).willReturn("/");
		given(request.getHeaders()).willReturn(Map.of("Content-Type", List.of("text/plain")));
		given(request.getContentType()).willReturn(Optional.of("text/plain"));
		given(request.getReader()).willReturn(new BufferedReader(new StringReader(body)));
		return request;
	}

	/** A function that throws, under the name the package exports. */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, ContextFunctionCatalogAutoConfiguration.class })
	static class Throwing {

		@Bean(GcpFunction.NAME)
		Function<String, String> gcpPredict() {
			return (body) -> {
				throw new IllegalStateException("secret internals");
			};
		}

	}

	/** A function that answers 404 in a statusCode header, as a String or as an Integer. */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, ContextFunctionCatalogAutoConfiguration.class })
	static class Statuses {

		@Bean(GcpFunction.NAME)
		Function<Message<String>, Message<String>> gcpPredict() {
			return (request) -> MessageBuilder.withPayload("not found")
				.setHeader(FunctionInvoker.HTTP_STATUS_CODE,
						request.getPayload().equals("integer") ? (Object) Integer.valueOf(404) : "404")
				.build();
		}

	}

}
