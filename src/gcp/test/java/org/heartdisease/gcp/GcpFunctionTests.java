package org.heartdisease.gcp;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import org.heartdisease.FuzzPayloads;
import org.heartdisease.ReferenceExchange;
import org.heartdisease.SurfaceCases;
import org.heartdisease.api.PayloadReader;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.api.RequestLimits;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.monitoring.AnswerMonitor;
import org.heartdisease.prediction.ModelDescription;
import org.heartdisease.prediction.Predictor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.cloud.function.json.JacksonMapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * {@link GcpFunction} in-process, the adapter's real {@code service} between a mocked request and a
 * recording response: one test per adapter trap.
 */
class GcpFunctionTests {

	private static final String JSON_MAPPER = ContextFunctionCatalogAutoConfiguration.JSON_MAPPER_PROPERTY;

	/** What the adapter or spring-messaging would add. */
	private static final List<String> INTERNAL = List.of("id", "timestamp", "contentType", "statusCode");

	static String previousJsonMapper;

	static GcpFunction function;

	@BeforeAll
	static void start() {
		previousJsonMapper = System.getProperty(JSON_MAPPER);
		// No MAIN_CLASS and no spring.cloud.function.definition: what the deployment is given.
		function = new GcpFunction();
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
	void shouldSetTheStatusBeforeTheBodyAndSendOnlyHttpHeaders() throws Exception {
		RecordingResponse response = service(function, "GET", "/predict", "application/json", "{}");
		assertThat(response.status).isEqualTo(405);
		assertThat(response.statusBeforeBody).isTrue();
		assertThat(response.contentTypes).containsOnly("application/problem+json");
		assertThat(response.headers).containsExactly("Allow: POST, OPTIONS");
		assertThat(response.body.toByteArray()).isEqualTo(ReferenceExchange.get()
			.answer(new PredictionExchange.Call("GET", "/predict", "application/json", 2, null))
			.body());
	}

	@Test
	void shouldLetNoInternalHeaderOrRequestHeaderReachTheResponse() throws Exception {
		for (SurfaceCases.SurfaceCase surfaceCase : List.of(SurfaceCases.payloads().get(0),
				SurfaceCases.payloads().get(4))) {
			RecordingResponse response = service(function, "POST", "/predict", "application/json", surfaceCase.text());
			assertThat(response.status).isEqualTo(surfaceCase.status());
			assertThat(response.headers).map((header) -> header.substring(0, header.indexOf(':')))
				.doesNotContainAnyElementsOf(INTERNAL);
			assertThat(response.contentTypes).containsExactly("application/json".equals(
					ReferenceExchange.answer(surfaceCase).contentType()) ? "application/json" : "application/problem+json");
			assertThat(String.join("\n", response.headers)).doesNotContain("secret");
		}
	}

	@Test
	void shouldNotCopyTheRequestsContentTypeOntoAnAnswerWithoutOne() throws Exception {
		RecordingResponse response = service(function, "OPTIONS", "/predict", "application/json", "");
		assertThat(response.status).isEqualTo(204);
		assertThat(response.contentTypes).isEmpty();
		assertThat(response.headers).containsExactly("Allow: POST, OPTIONS");
		assertThat(response.body.toByteArray()).isEmpty();
	}

	@Test
	void shouldAnswerAFailingPredictWithTheExchanges500ProblemNotTheAdaptersEmpty500() throws Exception {
		GcpFunction failing = new GcpFunction(FailingPredict.class);
		RecordingResponse response = service(failing, "POST", "/predict", "application/json",
				SurfaceCases.payload("example.json"));
		assertThat(response.status).isEqualTo(500);
		assertThat(response.contentTypes).containsOnly("application/problem+json");
		assertThat(response.body()).contains("\"status\":500", "the server log has the details")
			.doesNotContain("secret internals");
	}

	private static RecordingResponse service(GcpFunction function, String method, String path, String contentType,
			String body) throws Exception {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		HttpRequest request = mock(HttpRequest.class);
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.put("Content-Type", List.of(contentType));
		headers.put("Authorization", List.of("Bearer secret"));
		headers.put("statusCode", List.of("200"));
		given(request.getMethod()).willReturn(method);
		given(request.getPath()).willReturn(path);
		given(request.getHeaders()).willReturn(headers);
		given(request.getContentType()).willReturn(Optional.of(contentType));
		given(request.getContentLength()).willReturn((long) bytes.length);
		given(request.getInputStream()).willReturn(new ByteArrayInputStream(bytes));
		RecordingResponse response = new RecordingResponse();
		function.service(request, response);
		return response;
	}

	/**
	 * The package's beans, but an exchange whose predict throws: the auto-configurations the package
	 * imports by name (its Boot auto-configuration is off), and the GCP surface.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, ContextFunctionCatalogAutoConfiguration.class })
	@Import(GcpConfiguration.class)
	static class FailingPredict {

		// As api.ApiConfiguration declares it for the application: Jackson, not the adapter's Gson.
		@Bean
		JsonMapper jsonMapper(ObjectMapper objectMapper) {
			return new JacksonMapper(objectMapper);
		}

		// What the batch scorer's monitor and this surface's log entries are built from, as for the application.
		@Bean
		HeartDiseaseModel heartDiseaseModel() {
			return FuzzPayloads.committedModel();
		}

		@Bean
		Supplier<ModelDescription> describe(HeartDiseaseModel heartDiseaseModel) {
			ModelDescription description = ModelDescription.of(heartDiseaseModel);
			return () -> description;
		}

		@Bean
		PredictionExchange predictionExchange(ObjectMapper objectMapper) {
			Predictor predict = new Predictor(FuzzPayloads.committedModel());
			RequestLimits limits = new RequestLimits(262144, 1000);
			return new PredictionExchange((payload) -> {
				throw new IllegalStateException("secret internals");
			}, () -> ModelDescription.of(FuzzPayloads.committedModel()), new PayloadReader(predict.validator(), limits),
					limits, objectMapper, AnswerMonitor.off());
		}

	}

	/** Records what the adapter and GcpFunction set, in order. */
	static final class RecordingResponse implements HttpResponse {

		int status = 200;

		boolean statusBeforeBody;

		final List<String> contentTypes = new ArrayList<>();

		final List<String> headers = new ArrayList<>();

		final ByteArrayOutputStream body = new ByteArrayOutputStream();

		String body() {
			return this.body.toString(StandardCharsets.UTF_8);
		}

		@Override
		public void setStatusCode(int code) {
			this.status = code;
			this.statusBeforeBody = this.body.size() == 0;
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
			return this.body;
		}

		@Override
		public BufferedWriter getWriter() {
			return new BufferedWriter(new OutputStreamWriter(this.body, StandardCharsets.UTF_8));
		}

	}

}
