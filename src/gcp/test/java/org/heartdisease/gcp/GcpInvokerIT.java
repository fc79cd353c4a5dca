package org.heartdisease.gcp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.heartdisease.HeartDiseaseApplication;
import org.heartdisease.SurfaceCases;
import org.heartdisease.SurfaceCases.SurfaceCase;
import org.heartdisease.api.PredictionExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.function.adapter.gcp.GcfJarLauncher;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployable jar under Google's Functions Framework invoker, as a child process on a free
 * loopback port, over real HTTP: every surface case answered like the shared exchange, with no
 * internal header and never a 5xx. Runs after {@code package} ({@code ./mvnw -Pgcp verify}).
 */
class GcpInvokerIT {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final List<String> INTERNAL_HEADERS = List.of("id", "timestamp", "contentType", "statusCode",
			"uri", "Authorization", "X-Patient");

	static Process invoker;

	static Path log;

	static int port;

	static ConfigurableApplicationContext context;

	static PredictionExchange exchange;

	@BeforeAll
	static void startInvokerAndExpectedExchange() throws Exception {
		// The expected answers: the application's own exchange, as the local surface builds it.
		context = new SpringApplicationBuilder(HeartDiseaseApplication.class).web(WebApplicationType.NONE).run();
		exchange = context.getBean(PredictionExchange.class);

		Path jar = deployableJar();
		Path invokerJar = Path.of(System.getProperty("gcp.invoker.jar", "target/gcp/invoker/java-function-invoker.jar"));
		assertThat(invokerJar).exists();
		port = freePort();
		log = Files.createTempFile("gcp-invoker", ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-jar", invokerJar.toString(), "--classpath", jar.toString(),
				"--target", GcfJarLauncher.class.getName(), "--port", String.valueOf(port))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		// Nothing from the environment may pick the function or the mapper: the jar must do it alone.
		builder.environment().remove("spring.cloud.function.definition");
		builder.environment().remove("SPRING_CLOUD_FUNCTION_DEFINITION");
		builder.environment().remove("MAIN_CLASS");
		// The JVM flags profiles/gcp/deploy.sh deploys with, Spring AOT's start-up code among them.
		builder.environment().put("JAVA_TOOL_OPTIONS", Files.readString(Path.of("profiles/gcp/jvm-options")).strip());
		long started = System.nanoTime();
		invoker = builder.start();
		awaitAnswer(Duration.ofSeconds(60));
		System.out.printf("Invoker answered after %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
	}

	@AfterAll
	static void stop() throws Exception {
		if (invoker != null) {
			invoker.destroy();
			if (!invoker.waitFor(10, TimeUnit.SECONDS)) {
				invoker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		if (context != null) {
			context.close();
		}
		if (log != null) {
			Files.deleteIfExists(log);
		}
	}

	@Test
	void shouldStartWithTheStartUpCodeSpringAotGenerated() throws IOException {
		assertThat(Files.readString(log)).contains("Starting AOT-processed");
	}

	static Stream<SurfaceCase> cases() {
		return SurfaceCases.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldAnswerLikeTheSharedExchange(SurfaceCase surfaceCase) throws Exception {
		PredictionExchange.Reply expected = exchange.handle(surfaceCase.contentType(), surfaceCase.body());
		HttpResponse<byte[]> response = post(surfaceCase.contentType(), surfaceCase.body(), "Bearer secret-token");
		assertThat(response.statusCode()).isEqualTo(surfaceCase.status()).isEqualTo(expected.status()).isLessThan(500);
		assertThat(response.headers().allValues("Content-Type")).containsExactly(expected.contentType());
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
		PredictionExchange.Reply expected = exchange.handle("application/json", batch);
		HttpResponse<byte[]> response = post("application/json", batch, null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Content-Type")).containsExactly("application/json");
		assertThat(response.body()).isEqualTo(expected.body());
	}

	@Test
	void shouldAnswerAGetWithAProblemRatherThanAFailure() throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri()).GET().build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.headers().allValues("Content-Type")).containsExactly("application/problem+json");
	}

	@Test
	void shouldDescribeTheModelWhenTheRoutingHeaderAsks() throws Exception {
		HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri())
			.header("spring.cloud.function.definition", "describe")
			.GET()
			.build(), BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Content-Type")).containsExactly("application/json");
		assertThat(response.body()).isEqualTo(exchange.describe().body());
	}

	private static HttpResponse<byte[]> post(String contentType, byte[] body, String authorization)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri()).POST(BodyPublishers.ofByteArray(body))
			.header("X-Patient", "Jane Doe");
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return client.send(request.build(), BodyHandlers.ofByteArray());
	}

	private static URI uri() {
		return URI.create("http://127.0.0.1:" + port + "/");
	}

	private static Path deployableJar() throws IOException {
		Path deploy = Path.of(System.getProperty("gcp.deploy.dir", "target/gcp/deploy"));
		try (Stream<Path> files = Files.list(deploy)) {
			List<Path> jars = files.filter((file) -> file.toString().endsWith(".jar")).toList();
			assertThat(jars).as("the deployable jars in " + deploy).hasSize(1);
			return jars.get(0).toAbsolutePath();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	// Ready once the function answers; an empty POST is refused (415) without touching the model.
	private static void awaitAnswer(Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!invoker.isAlive()) {
				throw new IllegalStateException("The invoker exited with " + invoker.exitValue() + ":\n" + log());
			}
			try {
				HttpRequest probe = HttpRequest.newBuilder(uri()).timeout(Duration.ofSeconds(2))
					.POST(BodyPublishers.noBody()).build();
				if (client.send(probe, BodyHandlers.discarding()).statusCode() == 415) {
					return;
				}
			}
			catch (ConnectException | HttpTimeoutException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("The invoker did not answer within " + timeout + ":\n" + log());
	}

	private static String log() throws IOException {
		return Files.readString(log);
	}

}
