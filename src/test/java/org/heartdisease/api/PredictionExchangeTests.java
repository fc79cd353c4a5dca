package org.heartdisease.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.FuzzPayloads;
import org.heartdisease.ReferenceExchange;
import org.heartdisease.SurfaceCases.SurfaceCase;
import org.heartdisease.SurfaceCases;
import org.heartdisease.monitoring.AnswerMonitor;
import org.heartdisease.prediction.ModelDescription;
import org.heartdisease.prediction.Predictor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange's rules, case by case over the whole {@link SurfaceCases} table: the status the table
 * works out on its own, the media type and headers that go with it, and a body that says what happened.
 */
class PredictionExchangeTests {

	private static final ObjectMapper mapper = new ObjectMapper();

	static Stream<SurfaceCase> cases() {
		return SurfaceCases.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldAnswerEveryCaseByTheApiRules(SurfaceCase surfaceCase) throws IOException {
		PredictionExchange.Answer answer = ReferenceExchange.answer(surfaceCase);
		assertThat(answer.status()).as("status").isEqualTo(surfaceCase.status());
		String allow = answer.headers().get("Allow");
		if (answer.status() == 405 || answer.status() == 204) {
			assertThat(allow).isEqualTo(List.of("/model", "/v3/api-docs").contains(surfaceCase.path())
					? "GET, HEAD, OPTIONS" : "POST, OPTIONS");
		}
		else {
			assertThat(answer.headers()).isEmpty();
		}
		if (answer.status() == 204) {
			assertThat(answer.contentType()).isNull();
			assertThat(answer.body()).isEmpty();
			return;
		}
		assertThat(answer.contentType()).isEqualTo((answer.status() == 200) ? "application/json" : "application/problem+json");
		if (surfaceCase.method().equals("HEAD")) {
			assertThat(answer.body()).as("a HEAD answer has no body").isEmpty();
			return;
		}
		JsonNode body = mapper.readTree(answer.body());
		if (answer.status() == 200 && surfaceCase.path().equals("/model")) {
			assertThat(body.get("fields")).isNotEmpty();
		}
		else if (answer.status() == 200 && surfaceCase.path().equals("/v3/api-docs")) {
			assertThat(body.get("openapi").asText()).startsWith("3.");
		}
		else if (answer.status() == 200) {
			for (JsonNode diagnosis : body.isArray() ? body : List.of(body)) {
				assertThat(diagnosis.get("diagnosis").asText()).isIn("clear", "heart-disease");
			}
		}
		else {
			assertThat(body.get("status").asInt()).isEqualTo(answer.status());
			assertThat(body.get("detail").asText()).isNotBlank();
		}
	}

	@Test
	void shouldNeverReadTheBodyOfARequestItRefusesBeforehand() {
		// A 404, 405 or 415 needs no body, nor does a 413 for a declared length over the limit.
		for (PredictionExchange.Call call : List.of(call("GET", "/nope", "application/json", 10),
				call("PUT", "/predict", "application/json", 10), call("POST", "/predict", "text/plain", 10),
				call("POST", "/predict", "application/json", 262_145))) {
			assertThat(ReferenceExchange.get().answer(call).status()).isIn(404, 405, 413, 415);
		}
	}

	@Test
	void shouldAnswerAnUnreadableBodyWithA400() {
		InputStream broken = new InputStream() {

			@Override
			public int read() throws IOException {
				throw new IOException("connection reset");
			}

		};
		PredictionExchange.Answer answer = ReferenceExchange.get()
			.answer(new PredictionExchange.Call("POST", "/predict", "application/json", -1, broken));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(text(answer)).contains("The body could not be read.").doesNotContain("connection reset");
	}

	@Test
	void shouldAnswerAFailingFunctionWithA500WithoutInternals() {
		Predictor predict = new Predictor(FuzzPayloads.committedModel());
		RequestLimits limits = new RequestLimits(262144, 1000);
		Supplier<ModelDescription> failing = () -> {
			throw new IllegalStateException("secret internals");
		};
		PredictionExchange exchange = new PredictionExchange((payload) -> {
			throw new IllegalStateException("secret internals");
		}, failing, new PayloadReader(predict.validator(), limits), limits, mapper, AnswerMonitor.off());
		for (PredictionExchange.Call call : List.of(call("GET", "/model", null, 0),
				PredictionExchange.Call.payload(SurfaceCases.payload("example.json").getBytes(StandardCharsets.UTF_8)))) {
			PredictionExchange.Answer answer = exchange.answer(call);
			assertThat(answer.status()).isEqualTo(500);
			assertThat(answer.contentType()).isEqualTo("application/problem+json");
			assertThat(text(answer)).contains("the server log has the details").doesNotContain("secret", "Exception");
		}
	}

	@Test
	void shouldTreatADirectPayloadAsAPostToPredict() {
		byte[] example = SurfaceCases.payload("example.json").getBytes(StandardCharsets.UTF_8);
		PredictionExchange.Answer direct = ReferenceExchange.get().answer(PredictionExchange.Call.payload(example));
		PredictionExchange.Answer posted = ReferenceExchange.get().answer(call("POST", "/predict", "application/json", -1, example));
		assertThat(direct.status()).isEqualTo(200);
		assertThat(direct.body()).isEqualTo(posted.body());
	}

	private static PredictionExchange.Call call(String method, String path, String contentType, long length) {
		InputStream unread = new InputStream() {

			@Override
			public int read() {
				throw new AssertionError("the body was read");
			}

		};
		return new PredictionExchange.Call(method, path, contentType, length, unread);
	}

	private static PredictionExchange.Call call(String method, String path, String contentType, long length,
			byte[] body) {
		return new PredictionExchange.Call(method, path, contentType, length, new ByteArrayInputStream(body));
	}

	private static String text(PredictionExchange.Answer answer) {
		return new String(answer.body(), StandardCharsets.UTF_8);
	}

}
