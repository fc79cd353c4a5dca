package org.heartdisease.gcp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.heartdisease.ReferenceExchange;
import org.heartdisease.SurfaceCases;
import org.heartdisease.SurfaceCases.SurfaceCase;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.testing.PageInBrowser;
import org.heartdisease.testing.UnservedArtifacts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deploy directory ({@code target/gcp/deploy}: the thin jar and its {@code libs/}) under Google's
 * Functions Framework invoker ({@link InvokerProcess}), over real HTTP: every surface case answered exactly like the
 * in-process reference exchange. Runs after {@code package} ({@code ./mvnw -Pgcp verify}).
 */
class GcpInvokerIT {

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	/** What the adapter or spring-messaging would add, and what the client sent. */
	private static final List<String> INTERNAL_HEADERS = List.of("id", "timestamp", "contentType", "statusCode",
			"Authorization", "X-Patient");

	static InvokerProcess invoker;

	static Path log;

	@BeforeAll
	static void startInvoker() throws Exception {
		ReferenceExchange.get();
		invoker = InvokerProcess.start(client, Map.of());
		log = invoker.log();
	}

	@AfterAll
	static void stop() throws Exception {
		if (invoker != null) {
			invoker.close();
		}
	}

	@Test
	void shouldStartWithTheStartUpCodeSpringAotGenerated() throws IOException {
		assertThat(Files.readString(log)).contains("Starting AOT-processed");
	}

	/**
	 * Each log event on one line, one Cloud Logging entry: the package logs through Logback. (Through
	 * java.util.logging alone, Google's invoker cannot load Boot's formatter, and the JDK's writes the
	 * logger on one line and {@code INFO: } and the message on the next.)
	 */
	@Test
	void shouldLogEachEventOnOneLine() throws IOException {
		List<String> lines = Files.readAllLines(log);
		assertThat(lines).filteredOn((line) -> line.contains("Starting AOT-processed"))
			.singleElement()
			.asString()
			.matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z +INFO \\d+ --- \\[heart-disease\\] .* : Starting AOT-processed .*");
		assertThat(lines).noneMatch((line) -> line.startsWith("INFO: "));
	}

	@Test
	void shouldDeployAThinJarWhoseLibsHoldOnlyWhatServingNeeds() throws IOException {
		Path libs = Path.of(System.getProperty("gcp.deploy.dir", "target/gcp/deploy"), "libs");
		try (Stream<Path> files = Files.list(libs)) {
			List<String> names = files.map((file) -> file.getFileName().toString()).toList();
			assertThat(names).anyMatch((name) -> name.startsWith("spring-cloud-function-adapter-gcp-"));
			// Nothing of what a function never loads (the pom's unserved.by.functions).
			UnservedArtifacts.assertNoneIn(names);
		}
	}

	static Stream<SurfaceCase> cases() {
		return SurfaceCases.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldAnswerLikeTheReferenceExchange(SurfaceCase surfaceCase) throws Exception {
		PredictionExchange.Answer expected = ReferenceExchange.answer(surfaceCase);
		HttpResponse<byte[]> response = send(surfaceCase.method(), surfaceCase.path(), surfaceCase.contentType(),
				surfaceCase.body());
		assertThat(response.statusCode()).isEqualTo(surfaceCase.status()).isEqualTo(expected.status());
		assertThat(response.headers().firstValue("Content-Type").orElse(null)).isEqualTo(expected.contentType());
		assertThat(response.headers().allValues("Content-Type")).hasSizeLessThanOrEqualTo(1);
		assertThat(response.headers().firstValue("Allow").orElse(null)).isEqualTo(expected.headers().get("Allow"));
		assertThat(new String(response.body(), StandardCharsets.UTF_8))
			.isEqualTo(new String(expected.body(), StandardCharsets.UTF_8));
		assertThat(response.body()).isEqualTo(expected.body());
		assertThat(response.headers().map().keySet()).map(String::toLowerCase)
			.doesNotContainAnyElementsOf(INTERNAL_HEADERS.stream().map(String::toLowerCase).toList());
	}

	@Test
	void shouldAnswerALargeValidBatchWhole() throws Exception {
		String example = SurfaceCases.payload("example.json");
		byte[] batch = ("[" + (example + ",").repeat(999) + example + "]").getBytes(StandardCharsets.UTF_8);
		PredictionExchange.Answer expected = ReferenceExchange.get()
			.answer(new PredictionExchange.Call("POST", "/predict", "application/json", batch.length,
					new java.io.ByteArrayInputStream(batch)));
		HttpResponse<byte[]> response = send("POST", "/predict", "application/json", batch);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Content-Type")).containsExactly("application/json");
		assertThat(response.body()).isEqualTo(expected.body());
	}

	@Test
	void shouldPassInvalidUtf8ToTheExchangeAsSent() throws Exception {
		byte[] body = "{\"age\": \"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
		PredictionExchange.Answer expected = ReferenceExchange.get()
			.answer(new PredictionExchange.Call("POST", "/predict", "application/json", body.length,
					new java.io.ByteArrayInputStream(body)));
		HttpResponse<byte[]> response = send("POST", "/predict", "application/json", body);
		assertThat(response.statusCode()).isEqualTo(400).isEqualTo(expected.status());
		assertThat(response.body()).isEqualTo(expected.body());
	}

	@Test
	void shouldIgnoreClientSentInternalHeaders() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri("/nope"))
			.header("X-HTTP-Method-Override", "GET")
			.header("X-Original-URL", "/model")
			.header("statusCode", "200")
			.GET()
			.build();
		HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("There is nothing at /nope");
	}

	/** The page in Chromium, served by Google's invoker that this class started. */
	@Nested
	class InChromium extends PageInBrowser {

		@Override
		protected String baseUrl() {
			return invoker.uri("").toString();
		}

		@Override
		protected String surface() {
			return "gcp";
		}

	}

	private static HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.method(method, (body.length == 0) ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body))
			.header("X-Patient", "Jane Doe")
			.header("Authorization", "Bearer secret-token");
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return client.send(request.build(), BodyHandlers.ofByteArray());
	}

	private static URI uri(String path) {
		return invoker.uri(path);
	}

}
