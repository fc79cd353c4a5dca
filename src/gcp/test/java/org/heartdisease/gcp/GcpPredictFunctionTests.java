package org.heartdisease.gcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.heartdisease.SurfaceCases;
import org.heartdisease.SurfaceCases.SurfaceCase;
import org.heartdisease.api.PayloadReader;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.api.RequestLimits;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.model.ModelArtifactJson;
import org.heartdisease.prediction.ModelDescription;
import org.heartdisease.prediction.Predictor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gcpPredict} called directly with messages shaped like the GCP adapter's, without Spring.
 */
class GcpPredictFunctionTests {

	static final RequestLimits LIMITS = new RequestLimits(262144, 1000);

	static final ObjectMapper objectMapper = JsonMapper.builder().findAndAddModules().build();

	static PredictionExchange exchange;

	static GcpPredictFunction function;

	@BeforeAll
	static void loadCommittedModel() throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("model/heart-disease.json"))) {
			HeartDiseaseModel model = ModelArtifactJson.read(in, "model/heart-disease.json");
			Predictor predict = new Predictor(model);
			ModelDescription description = ModelDescription.of(model);
			exchange = new PredictionExchange(predict, new PayloadReader(predict.validator(), LIMITS), objectMapper,
					() -> description);
		}
		function = new GcpPredictFunction(exchange, LIMITS);
	}

	static Stream<SurfaceCase> cases() {
		return SurfaceCases.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldAnswerLikeTheSharedExchange(SurfaceCase surfaceCase) {
		PredictionExchange.Reply expected = exchange.handle(surfaceCase.contentType(), surfaceCase.body());
		Message<byte[]> reply = function.apply(request(surfaceCase.contentType(), new StringReader(surfaceCase.text())));
		assertThat(reply.getHeaders().get("statusCode")).isEqualTo(surfaceCase.status()).isEqualTo(expected.status());
		assertThat(reply.getHeaders()).containsExactly(Map.entry("Content-Type", expected.contentType()));
		assertThat(new String(reply.getPayload(), StandardCharsets.UTF_8))
			.isEqualTo(new String(expected.body(), StandardCharsets.UTF_8));
	}

	@Test
	void shouldListOnlyTheHttpHeadersToSend() {
		Message<byte[]> reply = function.apply(request("application/json", new StringReader("{}")));
		MessageHeaders headers = reply.getHeaders();
		assertThat(headers.keySet()).containsExactly("Content-Type");
		assertThat(headers.getId()).isNull();
		assertThat(headers.getTimestamp()).isNull();
		assertThat(headers.get("statusCode")).isInstanceOf(Integer.class).isEqualTo(400);
		assertThat(headers.containsKey("statusCode")).isTrue();
		assertThat(headers.get("Content-Type")).isEqualTo("application/problem+json");
	}

	@Test
	void shouldGiveTheAdapterAUtf8ContentTypeForTheWriter() {
		Message<byte[]> reply = function.apply(request("text/plain", new StringReader("hello")));
		assertThat(reply.getHeaders().get(MessageHeaders.CONTENT_TYPE)).isEqualTo("application/json");
		assertThat(reply.getHeaders().get("Content-Type")).isEqualTo("application/problem+json");
	}

	@Test
	void shouldFindTheContentTypeHeaderInAnyCase() {
		Message<Reader> request = MessageBuilder
			.<Reader>withPayload(new StringReader(SurfaceCases.payload("example.json")))
			.setHeader("content-type", List.of("application/json"))
			.build();
		assertThat(function.apply(request).getHeaders().get("statusCode")).isEqualTo(200);
	}

	@Test
	void shouldStopReadingOneCharacterPastTheLimit() {
		EndlessReader endless = new EndlessReader();
		Message<byte[]> reply = function.apply(MessageBuilder.<Reader>withPayload(endless)
			.setHeader("Content-Type", List.of("application/json"))
			.build());
		assertThat(reply.getHeaders().get("statusCode")).isEqualTo(413);
		assertThat(endless.read).isEqualTo(LIMITS.maxBodyBytes() + 1);
	}

	@Test
	void shouldAnswer400WhenTheBodyCannotBeRead() {
		Reader broken = new Reader() {

			@Override
			public int read(char[] buffer, int offset, int length) throws IOException {
				throw new IOException("connection reset");
			}

			@Override
			public void close() {
			}

		};
		Message<byte[]> reply = function.apply(request("application/json", broken));
		assertThat(reply.getHeaders().get("statusCode")).isEqualTo(400);
		assertThat(new String(reply.getPayload(), StandardCharsets.UTF_8))
			.contains("\"detail\":\"The body could not be read.\"");
	}

	@Test
	void shouldAnswerTheLargestProblemWhole() throws IOException {
		String batch = "[" + "3,".repeat(999) + "3]";
		PredictionExchange.Reply whole = exchange.handle("application/json", batch.getBytes(StandardCharsets.UTF_8));
		assertThat(whole.body().length).isLessThanOrEqualTo(GcpPredictFunction.MAX_PROBLEM_BYTES);

		Message<byte[]> reply = function.apply(request("application/json", new StringReader(batch)));

		assertThat(reply.getHeaders().get("statusCode")).isEqualTo(400);
		assertThat(reply.getHeaders().get("Content-Type")).isEqualTo("application/problem+json");
		assertThat(reply.getPayload()).isEqualTo(whole.body());
		assertThat(objectMapper.readTree(reply.getPayload()).get("detail").asText())
			.isEqualTo("1000 of 1000 payloads are invalid. Only the first 50 of 1000 errors are listed.");
	}

	@Test
	void shouldSayTheErrorIsTooLongRatherThanOverflowTheBuffer() throws IOException {
		byte[] huge = ("{\"detail\":\"" + "x".repeat(GcpPredictFunction.MAX_PROBLEM_BYTES) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		PredictionExchange.Reply fitted = GcpPredictFunction
			.fitted(new PredictionExchange.Reply(400, "application/problem+json", huge), exchange);
		assertThat(fitted.status()).isEqualTo(400);
		assertThat(objectMapper.readTree(fitted.body()).get("detail").asText()).isEqualTo("The error is too long to send.");
		PredictionExchange.Reply ok = new PredictionExchange.Reply(200, "application/json", huge);
		assertThat(GcpPredictFunction.fitted(ok, exchange)).isSameAs(ok);
	}

	@Test
	void shouldDescribeTheModelWhenTheRoutingHeaderAsks() {
		Message<Reader> request = MessageBuilder.fromMessage(request(null, new StringReader("")))
			.setHeader(PredictionExchange.ROUTING_HEADER, List.of("describe"))
			.build();
		Message<byte[]> reply = function.apply(request);
		assertThat(reply.getHeaders().get("statusCode")).isEqualTo(200);
		assertThat(reply.getPayload()).isEqualTo(exchange.describe().body());
	}

	/** A request as the adapter builds it: the body's reader, and the invoker's headers, each a list. */
	static Message<Reader> request(String contentType, Reader body) {
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.put("Host", List.of("localhost:8080"));
		if (contentType != null) {
			headers.put("Content-Type", List.of(contentType));
		}
		return MessageBuilder.<Reader>withPayload(new BufferedReader(body)).copyHeaders(headers).build();
	}

	/** A body that never ends, counting what was read of it. */
	static final class EndlessReader extends Reader {

		int read;

		@Override
		public int read(char[] buffer, int offset, int length) {
			java.util.Arrays.fill(buffer, offset, offset + length, ' ');
			this.read += length;
			return length;
		}

		@Override
		public void close() {
		}

	}

}
