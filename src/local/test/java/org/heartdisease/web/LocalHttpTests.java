package org.heartdisease.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.FuzzPayloads;
import org.heartdisease.SurfaceAnswers;
import org.heartdisease.SurfaceCases;
import org.heartdisease.SurfaceCases.SurfaceCase;
import org.heartdisease.api.PredictionExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local surface over real HTTP: Tomcat on a random port, the exchange controller, the committed
 * model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LocalHttpTests {

	private static final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	PredictionExchange exchange;

	@Autowired
	ObjectMapper objectMapper;

	static Stream<SurfaceCase> cases() {
		return SurfaceCases.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldAnswerLikeTheSharedExchange(SurfaceCase surfaceCase) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(surfaceCase.path()))
			.method(surfaceCase.method(), BodyPublishers.ofByteArray(surfaceCase.body()));
		if (surfaceCase.contentType() != null) {
			request.header("Content-Type", surfaceCase.contentType());
		}
		HttpResponse<byte[]> response = client.send(request.build(), BodyHandlers.ofByteArray());
		SurfaceAnswers.assertAnswered(surfaceCase, response.statusCode(),
				response.headers().firstValue("Content-Type").orElse(null),
				response.headers().firstValue("Allow").orElse(null), response.body());
	}

	@Test
	void shouldAnswerTheExamplePatientClear() throws Exception {
		HttpResponse<byte[]> response = post("/predict", "application/json",
				SurfaceCases.payload("example.json").getBytes(StandardCharsets.UTF_8));
		JsonNode diagnosis = this.objectMapper.readTree(response.body());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(diagnosis.get("diagnosis").asText()).isEqualTo("clear");
		assertThat(diagnosis.get("probability").asDouble()).isBetween(0.14, 0.15);
	}

	@Test
	void shouldAnswerABatchWithAnArrayInOrder() throws Exception {
		HttpResponse<byte[]> response = post("/predict", "application/json",
				SurfaceCases.payload("batch.json").getBytes(StandardCharsets.UTF_8));
		JsonNode diagnoses = this.objectMapper.readTree(response.body());
		assertThat(diagnoses.findValuesAsText("diagnosis")).containsExactly("clear", "heart-disease", "clear");
		assertThat(diagnoses.get(2).get("imputed").toString()).isEqualTo("[\"ca\",\"thal\"]");
	}

	@Test
	void shouldRefuseAChunkedBodyOverTheLimitWithoutReadingItAll() throws Exception {
		byte[] big = new byte[10 * 262144];
		HttpRequest request = HttpRequest.newBuilder(uri("/predict"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
			.build();
		HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("\"detail\":\"The body exceeds 262144 bytes.\"");
	}

	@Test
	void shouldNotEchoRequestHeadersIntoTheAnswer() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri("/predict"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer secret-token")
			.header("X-Patient", "Jane Doe")
			.POST(BodyPublishers.ofString(SurfaceCases.payload("example.json")))
			.build();
		HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().map().keySet()).map(String::toLowerCase)
			.doesNotContain("authorization", "x-patient", "uri", "id", "timestamp", "user-agent");
	}

	@Test
	void shouldAnswerConcurrentRequestsExactlyAsSerialOnes() throws Exception {
		List<byte[]> bodies = FuzzPayloads.validJson().sampleStream().limit(50)
			.map((json) -> json.getBytes(StandardCharsets.UTF_8)).toList();
		List<String> serial = new ArrayList<>();
		for (byte[] body : bodies) {
			serial.add(new String(post("/predict", "application/json", body).body(), StandardCharsets.UTF_8));
		}
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<List<String>>> workers = new ArrayList<>();
			for (int worker = 0; worker < 16; worker++) {
				workers.add(pool.submit(() -> {
					List<String> answers = new ArrayList<>();
					for (byte[] body : bodies) {
						answers.add(new String(post("/predict", "application/json", body).body(), StandardCharsets.UTF_8));
					}
					return answers;
				}));
			}
			for (Future<List<String>> worker : workers) {
				assertThat(worker.get()).isEqualTo(serial);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void shouldDescribeTheModelAtGetModel() throws Exception {
		HttpResponse<String> response = get("/model");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).isEqualTo(new String(
				this.exchange.answer(new PredictionExchange.Call("GET", "/model", null, -1, null)).body(),
				StandardCharsets.UTF_8));
		JsonNode description = this.objectMapper.readTree(response.body());
		assertThat(description.get("fields")).hasSize(13);
		assertThat(description.get("contentSha256").asText()).hasSize(64);
		assertThat(post("/model", "application/json", new byte[] { '{', '}' }).statusCode()).isEqualTo(405);
	}

	@Test
	void shouldServeTheOpenApiDescriptionWithTheAcceptedCodesAndUnits() throws Exception {
		HttpResponse<String> response = get("/v3/api-docs");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode api = this.objectMapper.readTree(response.body());
		assertThat(api.get("openapi").asText()).startsWith("3.");
		assertThat(api.get("paths").fieldNames()).toIterable()
			.containsExactlyInAnyOrder("/predict", "/", "/model", "/v3/api-docs");
		JsonNode payload = api.get("components").get("schemas").get("Payload");
		assertThat(payload.get("properties").get("cp").get("enum").toString()).isEqualTo("[1,2,3,4]");
		assertThat(payload.get("properties").get("chol").get("description").asText()).contains("mg/dl");
		assertThat(payload.get("properties").get("chol").get("maximum").asInt()).isEqualTo(700);
		assertThat(payload.get("required")).hasSize(11);
		assertThat(api.get("paths").get("/predict").get("post").get("responses").fieldNames()).toIterable()
			.containsExactly("200", "400", "413", "415");
		// The build's document, as the exchange serves it on every surface: no YAML variant.
		assertThat(get("/v3/api-docs.yaml").statusCode()).isEqualTo(404);
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.getOutputStream().write(("GET /v3/api-docs HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(raw).startsWith("HTTP/1.1 200").doesNotContain("evil.example").contains("\"url\":\"/\"");
		}
	}

	@Test
	void shouldKeepSpringMvcsOwnClientErrorsOffTheFunctionsErrorHandler() throws Exception {
		assertThat(post("/actuator/health", "application/json", new byte[0]).statusCode()).isEqualTo(405);
		assertThat(post("/actuator/health", "application/json", new byte[0]).headers().firstValue("Content-Type"))
			.hasValue("application/problem+json");
		// The exchange's own refusal of a POST to a GET route, with its Allow header.
		assertThat(post("/v3/api-docs", "application/json", new byte[0]).statusCode()).isEqualTo(405);
		HttpResponse<String> textHealth = client.send(HttpRequest.newBuilder(uri("/actuator/health"))
			.header("Accept", "text/plain").GET().build(), BodyHandlers.ofString());
		assertThat(textHealth.statusCode()).isEqualTo(406);
	}

	/**
	 * Spellings that Tomcat normalises onto another path reach the exchange as sent, so none of them
	 * predicts (the two under Actuator's path normalise out of it, onto the exchange's servlet); those
	 * Tomcat refuses itself get its own 400, before the application.
	 */
	@ParameterizedTest
	@CsvSource({ "/actuator/health/../../predict, 404", "/actuator/health/..;/..;/predict, 404", "/predict;x=1, 404",
			"/v3/api-docs/../predict, 404", "/a/../predict, 404", "/%2e%2e/predict, 400", "/predict%2F, 400" })
	void shouldGateEverySpellingOfAPath(String rawPath, int status) throws Exception {
		String body = "{\"age\":\"63\"}";
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			String request = "POST " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(response).as(rawPath).startsWith("HTTP/1.1 " + status).doesNotContain("must be a number");
			if (status != 400) {
				assertThat(response).contains("application/problem+json");
			}
		}
	}

	@Test
	void shouldOnlyAllowPost() throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/predict")).GET().build(),
				BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("POST, OPTIONS");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void shouldExposeNothingButPredictionAndHealth() throws Exception {
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health").body()).contains("\"status\":\"UP\"");
		for (String path : new String[] { "/actuator/env", "/actuator/beans", "/actuator/heapdump", "/functionRouter",
				"/predict/extra", "/error", "/swagger-ui.html", "/describe" }) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isIn(404, 405);
			assertThat(response.body()).as(path).doesNotContain("Exception", "at org.");
		}
		HttpResponse<byte[]> routed = post("/functionRouter", "application/json", new byte[] { '{', '}' });
		assertThat(routed.statusCode()).isEqualTo(404);
	}

	private HttpResponse<byte[]> post(String path, String contentType, byte[] body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return client.send(request.build(), BodyHandlers.ofByteArray());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
