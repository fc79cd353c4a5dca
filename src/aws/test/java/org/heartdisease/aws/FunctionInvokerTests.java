package org.heartdisease.aws;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.heartdisease.SurfaceCases;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.aws.LambdaEvents.Invocation;
import org.heartdisease.aws.LambdaEvents.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real adapter-aws {@link FunctionInvoker}, started in-process as Lambda starts it (no
 * environment variable: the start class and function come from the package's own resources), fed
 * the sample events around every case of the table; the answers must be the shared exchange's.
 */
@SpringBootTest
class FunctionInvokerTests {

	private static FunctionInvoker invoker;

	@Autowired
	PredictionExchange exchange;

	@BeforeAll
	static void startTheInvokerAsLambdaDoes() {
		invoker = new FunctionInvoker();
	}

	static Stream<Invocation> invocations() {
		return LambdaEvents.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invocations")
	void shouldAnswerLikeTheSharedExchange(Invocation invocation) throws IOException {
		byte[] output = invoke(invocation.event());
		LambdaEvents.assertAnswers(invocation, invocation.expected(this.exchange), output);
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void shouldAnswerTheSampleEventWithTheExamplePatientsDiagnosis(Kind kind) throws IOException {
		byte[] event = kind.isHttp() ? LambdaEvents.http(kind, "POST", "application/json",
				SurfaceCases.payload("example.json").getBytes(StandardCharsets.UTF_8), false) : kind.sample();
		JsonNode output = LambdaEvents.read(invoke(event));
		JsonNode diagnosis = kind.isHttp() ? LambdaEvents.read(output.get("body").textValue().getBytes(StandardCharsets.UTF_8))
				: output;
		assertThat(diagnosis.get("diagnosis").asText()).isEqualTo("clear");
		assertThat(diagnosis.get("probability").asDouble()).isBetween(0.14, 0.15);
	}

	@ParameterizedTest
	@EnumSource(value = Kind.class, names = "DIRECT", mode = EnumSource.Mode.EXCLUDE)
	void shouldNeverAnswer200ToAGarbledBase64Body(Kind kind) throws IOException {
		byte[] garbled = { (byte) 0xff, (byte) 0xfe, '{', 0, 1, 2 };
		JsonNode response = LambdaEvents.read(invoke(LambdaEvents.http(kind, "POST", "application/json", garbled, true)));
		assertThat(response.get("statusCode").intValue()).isEqualTo(400);
		assertThat(response.get("headers").get("Content-Type").asText()).isEqualTo("application/problem+json");
	}

	@ParameterizedTest
	@EnumSource(value = Kind.class, names = "DIRECT", mode = EnumSource.Mode.EXCLUDE)
	void shouldRefuseABodyThatIsNotBase64ThoughMarkedSo(Kind kind) throws IOException {
		String event = new String(LambdaEvents.http(kind, "POST", "application/json", new byte[0], true),
				StandardCharsets.UTF_8)
			.replace("\"body\":\"\"", "\"body\":\"{not base64}\"");
		JsonNode response = LambdaEvents.read(invoke(event.getBytes(StandardCharsets.UTF_8)));
		assertThat(response.get("statusCode").intValue()).isEqualTo(400);
		assertThat(response.get("body").asText()).contains("not valid base64");
	}

	@ParameterizedTest
	@EnumSource(value = Kind.class, names = "DIRECT", mode = EnumSource.Mode.EXCLUDE)
	void shouldOnlyAllowPost(Kind kind) throws IOException {
		JsonNode response = LambdaEvents.read(invoke(LambdaEvents.http(kind, "GET", null, new byte[0], false)));
		assertThat(response.get("statusCode").intValue()).isEqualTo(405);
		assertThat(response.get("headers").get("Allow").asText()).isEqualTo("POST");
		assertThat(response.get("headers").get("Content-Type").asText()).isEqualTo("application/problem+json");
	}

	@ParameterizedTest
	@EnumSource(value = Kind.class, names = "DIRECT", mode = EnumSource.Mode.EXCLUDE)
	void shouldDescribeTheModelOnGetModelOrTheRoutingHeader(Kind kind) throws IOException {
		String expected = new String(this.exchange.describe().body(), StandardCharsets.UTF_8);
		ObjectNode get = (ObjectNode) LambdaEvents.read(LambdaEvents.http(kind, "GET", null, new byte[0], false));
		get.put(get.has("rawPath") ? "rawPath" : "path", "/model");
		ObjectNode routed = (ObjectNode) LambdaEvents.read(LambdaEvents.http(kind, "POST", "application/json",
				new byte[0], false));
		((ObjectNode) routed.get("headers")).put("spring.cloud.function.definition", "describe");
		for (JsonNode event : new JsonNode[] { get, routed }) {
			JsonNode response = LambdaEvents.read(invoke(event.toString().getBytes(StandardCharsets.UTF_8)));
			assertThat(response.get("statusCode").intValue()).isEqualTo(200);
			assertThat(response.get("headers").get("Content-Type").asText()).isEqualTo("application/json");
			assertThat(response.get("body").asText()).isEqualTo(expected).contains("\"contentSha256\"");
		}
	}

	@Test
	void shouldAnswer415ToARestEventWithoutHeaders() throws IOException {
		String event = new String(LambdaEvents.http(Kind.REST_API, "POST", null,
				SurfaceCases.payload("example.json").getBytes(StandardCharsets.UTF_8), false), StandardCharsets.UTF_8)
			.replaceFirst("\"headers\":\\{[^}]*\\}", "\"headers\":null")
			.replaceFirst("\"multiValueHeaders\":\\{[^}]*\\}", "\"multiValueHeaders\":null");
		assertThat(event).contains("\"headers\":null");
		JsonNode response = LambdaEvents.read(invoke(event.getBytes(StandardCharsets.UTF_8)));
		assertThat(response.get("statusCode").intValue()).isEqualTo(415);
	}

	@Test
	void shouldTreatADirectPayloadFieldAsTheUnknownFieldItIs() throws IOException {
		// adapter-aws replaces an event that has a "payload" field with that field's value
		byte[] event = ("{\"payload\": " + SurfaceCases.payload("example.json") + "}").getBytes(StandardCharsets.UTF_8);
		assertThat(new String(invoke(event), StandardCharsets.UTF_8))
			.isEqualTo(new String(this.exchange.handle("application/json", event).body(), StandardCharsets.UTF_8))
			.contains("\"field\":\"payload\"");
	}

	@Test
	void shouldAnswerADirectInvocationThatIsNotJsonWithAProblem() throws IOException {
		JsonNode problem = LambdaEvents.read(invoke("age=63".getBytes(StandardCharsets.UTF_8)));
		assertThat(problem.get("status").intValue()).isEqualTo(400);
		assertThat(problem.get("detail").asText()).startsWith("The body is not valid JSON");
	}

	@Test
	void shouldDecodeABase64BatchLikeAPlainOne() throws IOException {
		byte[] batch = SurfaceCases.payload("batch.json").getBytes(StandardCharsets.UTF_8);
		JsonNode plain = LambdaEvents.read(invoke(LambdaEvents.http(Kind.FUNCTION_URL, "POST", "application/json", batch, false)));
		JsonNode encoded = LambdaEvents.read(invoke(LambdaEvents.http(Kind.FUNCTION_URL, "POST", "application/json", batch, true)));
		assertThat(encoded).isEqualTo(plain);
		assertThat(LambdaEvents.read(plain.get("body").asText().getBytes(StandardCharsets.UTF_8))
			.findValuesAsText("diagnosis")).containsExactly("clear", "heart-disease", "clear");
		assertThat(Base64.getEncoder().encodeToString(batch)).isNotEqualTo(plain.get("body").asText());
	}

	private static byte[] invoke(byte[] event) throws IOException {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		invoker.handleRequest(new ByteArrayInputStream(event), output, new TestContext());
		return output.toByteArray();
	}

}
