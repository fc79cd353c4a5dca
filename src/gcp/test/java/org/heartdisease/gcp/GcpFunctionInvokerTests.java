package org.heartdisease.gcp;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import org.heartdisease.HeartDiseaseApplication;
import org.heartdisease.SurfaceCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.function.adapter.gcp.FunctionInvoker;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The adapter's real {@code FunctionInvoker} in-process, with a mocked request and a recording
 * response: which function it selects, and exactly what it writes.
 */
class GcpFunctionInvokerTests {

	private static final String JSON_MAPPER = ContextFunctionCatalogAutoConfiguration.JSON_MAPPER_PROPERTY;

	static String previousJsonMapper;

	static FunctionInvoker invoker;

	@BeforeAll
	static void start() {
		previousJsonMapper = System.getProperty(JSON_MAPPER);
		// No MAIN_CLASS and no spring.cloud.function.definition: what the deployed jar is given.
		invoker = new FunctionInvoker(HeartDiseaseApplication.class);
	}

	@AfterAll
	static void restoreTheSystemPropertyTheAdapterSets() {
		if (previousJsonMapper == null) {
			System.clearProperty(JSON_MAPPER);
		}
		else {
			System.setProperty(JSON_MAPPER, previousJsonMapper);
		}
	}

	@Test
	void shouldAnswerADiagnosisWithOnlyAContentTypeHeader() throws Exception {
		RecordingResponse response = service("application/json", SurfaceCases.payload("example.json"));
		assertThat(response.status).isEqualTo(200);
		assertThat(response.contentTypes).containsExactly("application/json");
		assertThat(response.headers).containsExactly("Content-Type: application/json");
		assertThat(response.body()).startsWith("{\"diagnosis\":\"clear\",\"probability\":0.14");
	}

	@Test
	void shouldAnswerAProblemWithItsStatusAndTypeAndNoInternalHeaders() throws Exception {
		RecordingResponse response = service("text/plain", "hello");
		assertThat(response.status).isEqualTo(415);
		assertThat(response.headers).containsExactly("Content-Type: application/problem+json");
		assertThat(response.body()).contains("\"status\":415");
	}

	@Test
	void shouldNotEchoRequestHeaders() throws Exception {
		RecordingResponse response = service("application/json", "{}");
		assertThat(response.status).isEqualTo(400);
		assertThat(String.join("\n", response.headers)).doesNotContainIgnoringCase("authorization")
			.doesNotContain("secret", "statusCode", "id:", "timestamp", "contentType");
	}

	private static RecordingResponse service(String contentType, String body) throws Exception {
		HttpRequest request = mock(HttpRequest.class);
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.put("Content-Type", List.of(contentType));
		headers.put("Authorization", List.of("Bearer secret"));
		given(request.getHeaders()).willReturn(headers);
		given(request.getContentType()).willReturn(Optional.of(contentType));
		given(request.getReader()).willReturn(new BufferedReader(new StringReader(body)));
		RecordingResponse response = new RecordingResponse();
		invoker.service(request, response);
		return response;
	}

	/** Records what the adapter sets, in order. */
	static final class RecordingResponse implements HttpResponse {

		int status = 200;

		final List<String> contentTypes = new ArrayList<>();

		final List<String> headers = new ArrayList<>();

		final StringWriter written = new StringWriter();

		final BufferedWriter writer = new BufferedWriter(this.written);

		String body() throws java.io.IOException {
			this.writer.flush();
			return this.written.toString();
		}

		@Override
		public void setStatusCode(int code) {
			this.status = code;
		}

		@Override
		public void setStatusCode(int code, String message) {
			this.status = code;
		}

		@Override
		public void setContentType(String contentType) {
			this.contentTypes.add(contentType);
		}

		@Override
		public Optional<String> getContentType() {
			return this.contentTypes.isEmpty() ? Optional.empty()
					: Optional.of(this.contentTypes.get(this.contentTypes.size() - 1));
		}

		@Override
		public void appendHeader(String header, String value) {
			this.headers.add(header + ": " + value);
		}

		@Override
		public Map<String, List<String>> getHeaders() {
			return Map.of();
		}

		@Override
		public java.io.OutputStream getOutputStream() {
			throw new UnsupportedOperationException("the adapter writes through getWriter()");
		}

		@Override
		public BufferedWriter getWriter() {
			return this.writer;
		}

	}

}
