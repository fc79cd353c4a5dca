package org.heartdisease.aws;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.heartdisease.ReferenceExchange;
import org.heartdisease.SurfaceCases;
import org.heartdisease.SurfaceCases.SurfaceCase;
import org.heartdisease.api.PredictionExchange.Call;
import org.heartdisease.aws.LambdaEvents.Invocation;
import org.heartdisease.aws.LambdaEvents.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real adapter-aws {@link FunctionInvoker}, started in-process as Lambda starts it (no
 * environment variable: the start class and function come from the package's own resources), fed
 * the sample events (the whole table runs through the built zip in {@code LambdaRuntimeIT}); each
 * test shows that one of the adapter's traps does not happen here.
 */
@ExtendWith(OutputCaptureExtension.class)
class FunctionInvokerTests {

	private static final byte[] EXAMPLE = SurfaceCases.payload("example.json").getBytes(StandardCharsets.UTF_8);

	private static FunctionInvoker invoker;

	@BeforeAll
	static void startTheInvokerAsLambdaDoes() {
		invoker = new FunctionInvoker();
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void shouldAnswerTheExamplePatientsDiagnosis(Kind kind) throws IOException {
		byte[] event = kind.isHttp() ? LambdaEvents.http(kind, "application/json", EXAMPLE, false) : kind.sample();
		JsonNode output = LambdaEvents.read(invoke(event));
		JsonNode diagnosis = kind.isHttp() ? LambdaEvents.read(output.get("body").textValue().getBytes(StandardCharsets.UTF_8))
				: output;
		assertThat(diagnosis.get("diagnosis").asText()).isEqualTo("clear");
		assertThat(diagnosis.get("probability").asDouble()).isBetween(0.14, 0.15);
	}

	@ParameterizedTest
	@EnumSource(value = Kind.class, names = "DIRECT", mode = EnumSource.Mode.EXCLUDE)
	void shouldDecodeABase64BodyLikeAPlainOne(Kind kind) throws IOException {
		SurfaceCase batch = SurfaceCases.payloads().get(1);
		byte[] encoded = invoke(new Invocation(kind, batch, true).event());
		LambdaEvents.assertAnswers(new Invocation(kind, batch, true), encoded);
		assertThat(encoded).isEqualTo(invoke(new Invocation(kind, batch, false).event()));
	}

	@ParameterizedTest
	@EnumSource(value = Kind.class, names = "DIRECT", mode = EnumSource.Mode.EXCLUDE)
	void shouldAnswerAGarbledBase64BodyAsTheExchangeDoesNotWithAnAllNull200(Kind kind) throws IOException {
		byte[] garbled = { (byte) 0xff, (byte) 0xfe, '{', 0, 1, 2 };
		SurfaceCase request = new SurfaceCase("garbled", "POST", "/predict", "application/json", garbled, 400);
		LambdaEvents.assertAnswers(new Invocation(kind, request, true), invoke(new Invocation(kind, request, true).event()));
	}

	@ParameterizedTest
	@EnumSource(value = Kind.class, names = "DIRECT", mode = EnumSource.Mode.EXCLUDE)
	void shouldHandABodyThatIsNotBase64ThoughMarkedSoToTheExchangeAsUnreadable(Kind kind) throws IOException {
		LambdaEvents.assertResponse(invoke(LambdaEvents.markedBase64ButNot(kind)), LambdaEvents.unreadableBody());
	}

	@ParameterizedTest
	@EnumSource(value = Kind.class, names = "DIRECT", mode = EnumSource.Mode.EXCLUDE)
	void shouldWriteTheAnswersStatusAndAllowIntoTheResponseObject(Kind kind) throws IOException {
		for (SurfaceCase request : SurfaceCases.matrix()) {
			if (request.method().equals("OPTIONS") || request.method().equals("DELETE") && request.path().equals("/model")) {
				Invocation invocation = new Invocation(kind, request, false);
				LambdaEvents.assertAnswers(invocation, invoke(invocation.event()));
			}
		}
	}

	@Test
	void shouldReadTheContentTypeAndLengthWhateverTheCaseOfTheirNames() throws IOException {
		ObjectNode event = (ObjectNode) LambdaEvents.read(LambdaEvents.http(Kind.REST_API, null, EXAMPLE, false));
		((ObjectNode) event.get("headers")).put("CONTENT-TYPE", "application/json").put("content-LENGTH", "999999999");
		JsonNode response = LambdaEvents.read(invoke(event.toString().getBytes(StandardCharsets.UTF_8)));
		// The declared length is over the limit: the exchange refuses it before reading the body.
		assertThat(response.get("statusCode").intValue()).isEqualTo(413);
		((ObjectNode) event.get("headers")).remove("content-LENGTH");
		response = LambdaEvents.read(invoke(event.toString().getBytes(StandardCharsets.UTF_8)));
		assertThat(response.get("statusCode").intValue()).isEqualTo(200);
	}

	@Test
	void shouldAnswer415ToARestEventWithoutHeaders() throws IOException {
		ObjectNode event = (ObjectNode) LambdaEvents.read(LambdaEvents.http(Kind.REST_API, "application/json", EXAMPLE, false));
		event.putNull("headers").putNull("multiValueHeaders");
		SurfaceCase request = new SurfaceCase("no headers", "POST", "/predict", null, EXAMPLE, 415);
		LambdaEvents.assertAnswers(new Invocation(Kind.REST_API, request, false),
				invoke(event.toString().getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void shouldTreatADirectPayloadFieldAsTheUnknownFieldItIs() throws IOException {
		// adapter-aws would replace an event that has a "payload" field with that field's value
		byte[] event = ("{\"payload\": " + SurfaceCases.payload("example.json") + "}").getBytes(StandardCharsets.UTF_8);
		assertThat(invoke(event)).isEqualTo(ReferenceExchange.get().answer(Call.payload(event)).body())
			.asString(StandardCharsets.UTF_8)
			.contains("\"field\":\"payload\"");
	}

	@Test
	void shouldAnswerADirectInvocationThatIsNotJsonAsTheExchangeDoes() throws IOException {
		byte[] event = "age=63".getBytes(StandardCharsets.UTF_8);
		assertThat(invoke(event)).isEqualTo(ReferenceExchange.get().answer(Call.payload(event)).body());
		assertThat(LambdaEvents.read(invoke(event)).get("status").intValue()).isEqualTo(400);
	}

	@Test
	void shouldNotLogTheEventsPatientData(CapturedOutput output) throws IOException {
		invoke(LambdaEvents.http(Kind.FUNCTION_URL, "application/json", EXAMPLE, false));
		invoke(EXAMPLE);
		// A field's name in quotes is a payload's key; the metric lines name bins only (Bin.trestbps.4).
		assertThat(output.getAll()).doesNotContain("Received:").doesNotContain("\"trestbps\"");
	}

	private static byte[] invoke(byte[] event) throws IOException {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		invoker.handleRequest(new ByteArrayInputStream(event), output, new TestContext());
		return output.toByteArray();
	}

}
