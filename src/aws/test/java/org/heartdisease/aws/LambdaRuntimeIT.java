package org.heartdisease.aws;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import org.heartdisease.SurfaceCases;
import org.heartdisease.aws.LambdaEvents.Invocation;
import org.heartdisease.aws.LambdaEvents.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.annotations.SdkProtectedApi;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built package, unpacked into a task root and run as Lambda's managed Java runtime runs it: a
 * child JVM whose classpath holds only the runtime interface client (as {@code /var/runtime/lib}
 * does), which loads the task root and {@code lib/*.jar} itself and polls a loopback Runtime API
 * for every event kind around every case of the table (one process answers them all); every answer
 * must be the reference exchange's, and nothing may reach {@code /error}.
 */
class LambdaRuntimeIT {

	private static final String HANDLER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";

	private static final Duration INIT_TIMEOUT = Duration.ofSeconds(120);

	private static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(30);

	private static LoopbackRuntimeApi runtimeApi;

	private static Process lambda;

	private static Path work;

	private static Path log;

	@BeforeAll
	static void startTheFunctionAsLambdaDoes() throws Exception {
		work = Files.createTempDirectory("lambda-it");
		Path taskRoot = Files.createDirectories(work.resolve("task"));
		LambdaPackage.unpack(taskRoot);
		log = work.resolve("lambda.log");
		runtimeApi = new LoopbackRuntimeApi();
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", runtimeClasspath(),
				"com.amazonaws.services.lambda.runtime.api.client.AWSLambda", HANDLER)
			.directory(taskRoot.toFile())
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
		long started = System.nanoTime();
		lambda = builder.start();
		long initialised = runtimeApi.awaitFirstPoll(INIT_TIMEOUT);
		long invoked = System.nanoTime();
		runtimeApi.invoke(LambdaEvents.Kind.DIRECT.sample(), INVOKE_TIMEOUT);
		long answered = System.nanoTime();
		System.out.printf("Lambda cold start through the runtime interface client: init %d ms, first invocation %d ms%n",
				TimeUnit.NANOSECONDS.toMillis(initialised - started), TimeUnit.NANOSECONDS.toMillis(answered - invoked));
	}

	// The runtime interface client and what it needs: what the managed runtime has in /var/runtime/lib.
	private static String runtimeClasspath() {
		return Stream.of(AWSLambda.class, PojoSerializer.class, Context.class, SdkInternalThreadLocal.class,
				SdkProtectedApi.class)
			.map(LambdaRuntimeIT::jarOf)
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

	@AfterAll
	static void stopTheFunction() throws Exception {
		try {
			assertThat(runtimeApi.errors()).as("posted to /error or /runtime/init/error").isEmpty();
			assertThat(lambda.isAlive()).as("the runtime is still polling").isTrue();
		}
		finally {
			lambda.destroy();
			if (!lambda.waitFor(10, TimeUnit.SECONDS)) {
				lambda.destroyForcibly();
			}
			runtimeApi.close();
			FileSystemUtils.deleteRecursively(work);
		}
	}

	static Stream<Invocation> invocations() {
		return LambdaEvents.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invocations")
	void shouldAnswerLikeTheReferenceExchange(Invocation invocation) throws Exception {
		LambdaEvents.assertAnswers(invocation, invoke(invocation.event()));
	}

	@ParameterizedTest
	@EnumSource(value = Kind.class, names = "DIRECT", mode = EnumSource.Mode.EXCLUDE)
	void shouldAnswerABodyThatIsNotBase64ThoughMarkedSoWithTheExchangesProblem(Kind kind) throws Exception {
		LambdaEvents.assertResponse(invoke(LambdaEvents.markedBase64ButNot(kind)), LambdaEvents.unreadableBody());
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldBeThePackageTheTemplateDeploys() throws IOException {
		Map<String, Object> template = new org.yaml.snakeyaml.Yaml().load(Files.readString(Path.of("profiles/aws/template.yaml")));
		Map<String, Object> function = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) template
			.get("Resources")).get("PredictFunction")).get("Properties");
		assertThat(Path.of("profiles/aws").resolve((String) function.get("CodeUri")).toAbsolutePath().normalize())
			.isEqualTo(LambdaPackage.path().toAbsolutePath().normalize());
	}

	@Test
	void shouldNeverLogTheEventsPatientData() throws Exception {
		invoke(LambdaEvents.http(Kind.FUNCTION_URL, "application/json",
				SurfaceCases.payload("example.json").getBytes(StandardCharsets.UTF_8), false));
		assertThat(Files.readString(log)).doesNotContain("Received:").doesNotContain("trestbps");
	}

	private static byte[] invoke(byte[] event) {
		LoopbackRuntimeApi.Answer answer;
		try {
			answer = runtimeApi.invoke(event, INVOKE_TIMEOUT);
		}
		catch (Exception ex) {
			throw new AssertionError("No answer; the function's log ends with:\n" + tail(), ex);
		}
		assertThat(answer.error()).as(() -> "posted to /error: " + new String(answer.body(), StandardCharsets.UTF_8))
			.isFalse();
		return answer.body();
	}

	private static String tail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

}
