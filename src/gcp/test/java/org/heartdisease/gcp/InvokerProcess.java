package org.heartdisease.gcp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.heartdisease.testing.ServerProcesses;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Cloud Functions runs, as a child process on a free loopback port: Google's Functions Framework
 * invoker over the deploy directory's jar (its manifest names {@code libs/}), {@link GcpFunction} its
 * target, with the JVM flags of {@code profiles/gcp/jvm-options}; its standard output and error go to
 * one log file, as Cloud Run collects them.
 */
final class InvokerProcess implements AutoCloseable {

	private final Process process;

	private final Path log;

	private final int port;

	private InvokerProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * @param client what waits for the first answer
	 * @param environment variables set for the function, as Cloud Run sets {@code K_SERVICE}
	 * @return the invoker, answering
	 */
	static InvokerProcess start(HttpClient client, Map<String, String> environment) throws Exception {
		Path deploy = Path.of(System.getProperty("gcp.deploy.dir", "target/gcp/deploy"));
		Path jar = deployableJar(deploy);
		Path invokerJar = Path.of(System.getProperty("gcp.invoker.jar", "target/gcp/invoker/java-function-invoker.jar"));
		assertThat(invokerJar).exists();
		int port = ServerProcesses.freePort();
		Path log = Files.createTempFile("gcp-invoker", ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-jar", invokerJar.toString(), "--classpath", jar.toString(),
				"--target", GcpFunction.class.getName(), "--port", String.valueOf(port))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		// Nothing from the environment may pick the function or the mapper: the jar must do it alone.
		builder.environment().remove("spring.cloud.function.definition");
		builder.environment().remove("SPRING_CLOUD_FUNCTION_DEFINITION");
		builder.environment().remove("MAIN_CLASS");
		builder.environment().remove("K_SERVICE");
		builder.environment().remove("K_REVISION");
		builder.environment().put("JAVA_TOOL_OPTIONS", Files.readString(Path.of("profiles/gcp/jvm-options")).strip());
		builder.environment().putAll(environment);
		long started = System.nanoTime();
		InvokerProcess invoker = new InvokerProcess(builder.start(), log, port);
		ServerProcesses.awaitAnswer(client, invoker.uri("/predict"), invoker.process, "invoker", log,
				Duration.ofSeconds(60));
		System.out.printf("Invoker answered after %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		return invoker;
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** @return the file its standard output and error go to */
	Path log() {
		return this.log;
	}

	@Override
	public void close() throws Exception {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		Files.deleteIfExists(this.log);
	}

	private static Path deployableJar(Path deploy) throws IOException {
		try (Stream<Path> files = Files.list(deploy)) {
			List<Path> jars = files.filter((file) -> file.toString().endsWith(".jar")).toList();
			assertThat(jars).as("the deployable jars in " + deploy).hasSize(1);
			return jars.get(0).toAbsolutePath();
		}
	}

}
