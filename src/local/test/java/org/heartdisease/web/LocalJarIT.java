package org.heartdisease.web;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.heartdisease.ReferenceExchange;
import org.heartdisease.SurfaceAnswers;
import org.heartdisease.SurfaceCases;
import org.heartdisease.SurfaceCases.SurfaceCase;
import org.heartdisease.batch.BatchFiles;
import org.heartdisease.testing.PageInBrowser;
import org.heartdisease.testing.ServerProcesses;
import org.heartdisease.testing.UnservedArtifacts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar ({@code local.jar}, set by failsafe) as a user starts it, {@code java -jar} with no
 * flag, in a child JVM on a free loopback port: it starts with the code Spring AOT generated at build
 * time, answers every surface case exactly like the in-process reference exchange, still starts
 * without that code when told to, and runs its commands without it. Runs after {@code package}.
 */
class LocalJarIT {

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private static Server server;

	@BeforeAll
	static void start() throws Exception {
		ReferenceExchange.get();
		server = Server.start("plain");
	}

	@AfterAll
	static void stop() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void shouldStartWithTheGeneratedStartUpCodeWithoutAFlag() throws IOException {
		assertThat(server.log()).contains("Starting AOT-processed HeartDiseaseApplication");
	}

	@Test
	void shouldPackageNothingServingNeverLoads() throws IOException {
		// The pom's unserved.everywhere: no YAML parser, no Jackson extra modules, no Joda-Time, ...
		UnservedArtifacts.assertNoneIn(UnservedArtifacts.bootJarLibraries(Path.of(System.getProperty("local.jar"))));
	}

	static Stream<SurfaceCase> cases() {
		return SurfaceCases.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldAnswerLikeTheReferenceExchange(SurfaceCase surfaceCase) throws Exception {
		HttpResponse<byte[]> response = server.send(surfaceCase);
		SurfaceAnswers.assertAnswered(surfaceCase, response.statusCode(),
				response.headers().firstValue("Content-Type").orElse(null),
				response.headers().firstValue("Allow").orElse(null), response.body());
	}

	@Test
	void shouldEvaluateTheConditionsAtStartWhenToldNotToUseTheGeneratedCode() throws Exception {
		try (Server unprocessed = Server.start("no-aot", "-Dspring.aot.enabled=false")) {
			assertThat(unprocessed.log()).contains("Starting HeartDiseaseApplication").doesNotContain("AOT-processed");
			SurfaceCase example = SurfaceCases.all().stream()
				.filter((surfaceCase) -> surfaceCase.status() == 200 && "POST".equals(surfaceCase.method()))
				.findFirst()
				.orElseThrow();
			HttpResponse<byte[]> response = unprocessed.send(example);
			SurfaceAnswers.assertAnswered(example, response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(null),
					response.headers().firstValue("Allow").orElse(null), response.body());
		}
	}

	@Test
	void shouldRunACommandInItsOwnContextNotTheGeneratedOne() throws Exception {
		Path log = Files.createTempFile("local-jar-help", ".log");
		Process help = new ProcessBuilder(java(), "-jar", jar().toString(), "--help").redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = Files.readString(log);
		assertThat(help.exitValue()).as(output).isZero();
		assertThat(output).contains("Usage: java -jar").doesNotContain("AOT-processed");
		Files.delete(log);
	}

	@Test
	void shouldExitTwoOnAMistypedCommandInsteadOfServing() throws Exception {
		Process typo = new ProcessBuilder(java(), "-jar", jar().toString(), "--trian").redirectErrorStream(true).start();
		assertThat(typo.waitFor(60, TimeUnit.SECONDS)).as("exits rather than serving").isTrue();
		String output = new String(typo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(typo.exitValue()).as(output).isEqualTo(2);
		assertThat(output).contains("error: unknown command --trian; the commands are --train, --gate, --score, --drift, --help")
			.doesNotContain("Tomcat");
	}

	@Test
	void shouldScoreStandardInputToStandardOutput() throws Exception {
		Process score = new ProcessBuilder(java(), "-jar", jar().toString(), "--score=-").start();
		try (var stdin = score.getOutputStream()) {
			stdin.write(BatchFiles.CSV.getBytes(StandardCharsets.UTF_8));
		}
		byte[] scored = score.getInputStream().readAllBytes();
		String err = new String(score.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(score.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(score.exitValue()).as(err).isZero();
		// The packaged jar's scorer gives what the in-process one gives, byte for byte, stdout holding nothing else.
		assertThat(new String(scored, StandardCharsets.UTF_8))
			.isEqualTo(BatchFiles.score(BatchFiles.scorer(1 << 30), "stdin", BatchFiles.CSV));
		assertThat(err).contains("Scored stdin (csv): 3 rows read, 3 scored, none rejected");
	}

	/** The page in Chromium, served by the packaged jar that this class started. */
	@Nested
	class InChromium extends PageInBrowser {

		@Override
		protected String baseUrl() {
			return "http://127.0.0.1:" + server.port();
		}

		@Override
		protected String surface() {
			return "local";
		}

	}

	private static Path jar() {
		return Path.of(System.getProperty("local.jar", "target/local/heart-disease-function-1.0.0-SNAPSHOT.jar"));
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** {@code java [options] -jar local.jar --server.port=<free>}, its output in a temporary file. */
	private record Server(Process process, Path logFile, int port) implements AutoCloseable {

		static Server start(String name, String... options) throws Exception {
			int port = ServerProcesses.freePort();
			List<String> command = new ArrayList<>(List.of(java()));
			command.addAll(List.of(options));
			command.addAll(List.of("-jar", jar().toString(), "--server.address=127.0.0.1", "--server.port=" + port));
			Path log = Files.createTempFile("local-jar-" + name, ".log");
			Server server = new Server(
					new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(), log,
					port);
			ServerProcesses.awaitAnswer(client, server.uri("/predict"), server.process(), "server", log,
					Duration.ofSeconds(90));
			return server;
		}

		String log() throws IOException {
			return Files.readString(this.logFile);
		}

		HttpResponse<byte[]> send(SurfaceCase surfaceCase) throws IOException, InterruptedException {
			byte[] body = surfaceCase.body();
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(surfaceCase.path()))
				.method(surfaceCase.method(), (body.length == 0) ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
			if (surfaceCase.contentType() != null) {
				request.header("Content-Type", surfaceCase.contentType());
			}
			return client.send(request.build(), BodyHandlers.ofByteArray());
		}

		private URI uri(String path) {
			return URI.create("http://127.0.0.1:" + this.port + path);
		}

		@Override
		public void close() throws Exception {
			this.process.destroy();
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			Files.deleteIfExists(this.logFile);
		}

	}

}
