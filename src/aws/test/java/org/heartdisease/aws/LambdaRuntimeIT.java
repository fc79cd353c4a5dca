package org.heartdisease.aws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.heartdisease.SurfaceCases;
import org.heartdisease.aws.LambdaEvents.Invocation;
import org.heartdisease.aws.LambdaEvents.Kind;
import org.heartdisease.testing.PageInBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built package, unpacked into a task root and run as Lambda's managed Java runtime runs it: a
 * child JVM whose classpath holds only the runtime interface client (as {@code /var/runtime/lib}
 * does), which loads the task root and {@code lib/*.jar} itself and polls a loopback Runtime API
 * for every event kind around every case of the table (one process answers them all); every answer
 * must be the reference exchange's, and nothing may reach {@code /error}.
 */
class LambdaRuntimeIT {

	private static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(30);

	private static LambdaProcess lambda;

	@BeforeAll
	static void startTheFunctionAsLambdaDoes() throws Exception {
		// Every class the JVM loads, to check what the predict function's start leaves unloaded.
		Path classes = Files.createTempFile("lambda-classes", ".log");
		lambda = LambdaProcess.start(Map.of(), "-Xlog:class+load=info:file=" + classes);
		long invoked = System.nanoTime();
		lambda.invoke(LambdaEvents.Kind.DIRECT.sample(), INVOKE_TIMEOUT);
		long answered = System.nanoTime();
		loadedClasses = Files.readString(classes);
		Files.delete(classes);
		System.out.printf("Lambda cold start through the runtime interface client: init %d ms, first invocation %d ms%n",
				lambda.initMillis, TimeUnit.NANOSECONDS.toMillis(answered - invoked));
	}

	private static String loadedClasses;

	@AfterAll
	static void stopTheFunction() throws Exception {
		lambda.close();
	}

	@Test
	void shouldLoadNoneOfTheS3OrCloudWatchClientToStartAndPredict() {
		// The score and drift functions share the package and the context; their clients wait for their
		// first event.
		assertThat(loadedClasses).contains("org.heartdisease.aws.LambdaEventFunction")
			.doesNotContain("software.amazon.awssdk.services.s3.")
			.doesNotContain("software.amazon.awssdk.core.")
			.doesNotContain("org.heartdisease.aws.S3FileStore")
			.doesNotContain("software.amazon.awssdk.services.cloudwatch.")
			.doesNotContain("org.heartdisease.aws.CloudWatchMetricSums")
			// Nor are the page's files read: they wait for the first browser.
			.doesNotContain("org.heartdisease.api.Page$Assets");
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
		// A field's name in quotes is a payload's key; the metric lines name bins only (Bin.trestbps.4).
		assertThat(lambda.log()).doesNotContain("Received:").doesNotContain("\"trestbps\"");
	}

	/** The page in Chromium, through a Function URL's mapping onto the runtime that this class started. */
	@Nested
	class InChromium extends PageInBrowser {

		private FunctionUrlFront front;

		@BeforeAll
		void startTheFunctionUrl() throws IOException {
			this.front = new FunctionUrlFront(lambda);
		}

		@AfterAll
		void stopTheFunctionUrl() {
			if (this.front != null) {
				this.front.close();
			}
		}

		@Override
		protected String baseUrl() {
			return this.front.baseUrl();
		}

		@Override
		protected String surface() {
			return "aws";
		}

	}

	private static byte[] invoke(byte[] event) {
		return lambda.invoke(event, INVOKE_TIMEOUT);
	}

}
