package org.heartdisease.aws;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import software.amazon.awssdk.annotations.SdkProtectedApi;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built package, unpacked into a task root and run as Lambda's managed Java runtime runs it: a
 * child JVM whose classpath holds only the runtime interface client (as {@code /var/runtime/lib}
 * does), which loads the task root and {@code lib/*.jar} itself and polls a loopback Runtime API; its
 * environment only what Lambda sets, plus what a template would give the function.
 */
final class LambdaProcess implements AutoCloseable {

	static final String HANDLER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";

	private static final Duration INIT_TIMEOUT = Duration.ofSeconds(120);

	private final LoopbackRuntimeApi runtimeApi;

	private final Process process;

	private final Path work;

	private final Path log;

	/** How long the runtime took from the process's start to its first poll, in milliseconds. */
	final long initMillis;

	private LambdaProcess(LoopbackRuntimeApi runtimeApi, Process process, Path work, Path log, long initMillis) {
		this.runtimeApi = runtimeApi;
		this.process = process;
		this.work = work;
		this.log = log;
		this.initMillis = initMillis;
	}

	/**
	 * @param functionEnvironment the function's own environment variables, as a template sets them
	 * @param jvmOptions options of the runtime's JVM besides the managed runtime's
	 * @return the runtime, polling
	 */
	static LambdaProcess start(Map<String, String> functionEnvironment, String... jvmOptions) throws Exception {
		Path work = Files.createTempDirectory("lambda-it");
		Path taskRoot = Files.createDirectories(work.resolve("task"));
		LambdaPackage.unpack(taskRoot);
		Path log = work.resolve("lambda.log");
		LoopbackRuntimeApi runtimeApi = new LoopbackRuntimeApi();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
		command.addAll(List.of(jvmOptions));
		command.addAll(List.of("-cp", runtimeClasspath(), "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
				HANDLER));
		ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> environment = builder.environment();
		// Only what Lambda sets: nothing of this machine's, so the package must select its function itself.
		environment.clear();
		environment.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
		environment.put("LAMBDA_TASK_ROOT", taskRoot.toString());
		environment.put("LAMBDA_RUNTIME_DIR", taskRoot.toString());
		environment.put("_HANDLER", HANDLER);
		environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java25");
		environment.put("AWS_LAMBDA_FUNCTION_NAME", "heart-disease");
		environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
		environment.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
		environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
		environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/heart-disease");
		environment.put("AWS_LAMBDA_LOG_STREAM_NAME", "2024/03/12/[1]0123456789abcdef0123456789abcdef");
		environment.put("AWS_REGION", "eu-west-1");
		environment.put("AWS_DEFAULT_REGION", "eu-west-1");
		environment.put("TZ", ":UTC");
		environment.put("LANG", "en_US.UTF-8");
		environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
		environment.putAll(functionEnvironment);
		long started = System.nanoTime();
		Process process = builder.start();
		long initialised = runtimeApi.awaitFirstPoll(INIT_TIMEOUT);
		return new LambdaProcess(runtimeApi, process, work, log, TimeUnit.NANOSECONDS.toMillis(initialised - started));
	}

	// The runtime interface client and what it needs: what the managed runtime has in /var/runtime/lib.
	private static String runtimeClasspath() {
		return Stream.of(AWSLambda.class, PojoSerializer.class, Context.class, SdkInternalThreadLocal.class,
				SdkProtectedApi.class)
			.map(LambdaProcess::jarOf)
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static String jarOf(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot locate the jar of " + type.getName(), ex);
		}
	}

	/** @return the function's answer to the event, which must not have gone to {@code /error} */
	byte[] invoke(byte[] event, Duration timeout) {
		LoopbackRuntimeApi.Answer answer;
		try {
			answer = this.runtimeApi.invoke(event, timeout);
		}
		catch (Exception ex) {
			throw new AssertionError("No answer; the function's log ends with:\n" + tail(), ex);
		}
		assertThat(answer.error()).as(() -> "posted to /error: " + new String(answer.body(), StandardCharsets.UTF_8))
			.isFalse();
		return answer.body();
	}

	/** @return the runtime's process id, to read its memory from {@code /proc} */
	long pid() {
		return this.process.pid();
	}

	/** @return the function's log so far */
	String log() throws IOException {
		return Files.readString(this.log);
	}

	/** @return a file in the process's working area, deleted with it */
	Path file(String name) {
		return this.work.resolve(name);
	}

	private String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/** Stops the runtime, which must have posted no error and still be polling. */
	@Override
	public void close() throws Exception {
		try {
			assertThat(this.runtimeApi.errors()).as("posted to /error or /runtime/init/error").isEmpty();
			assertThat(this.process.isAlive()).as("the runtime is still polling").isTrue();
		}
		finally {
			this.process.destroy();
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
			this.runtimeApi.close();
			FileSystemUtils.deleteRecursively(this.work);
		}
	}

}
