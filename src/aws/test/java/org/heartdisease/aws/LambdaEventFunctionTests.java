package org.heartdisease.aws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.heartdisease.SurfaceCases;
import org.heartdisease.aws.LambdaEvents.Kind;
import org.heartdisease.prediction.Predictor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willThrow;

/**
 * The exported function in the AWS context, called through the adapter's steps (as
 * {@code FunctionInvoker.handleRequest} calls it) while {@code predict} fails: it answers the
 * exchange's 500 problem and never throws, since Lambda would turn an exception into a gateway 502.
 */
@SpringBootTest
class LambdaEventFunctionTests {

	private static final byte[] EXAMPLE = SurfaceCases.payload("example.json").getBytes(StandardCharsets.UTF_8);

	@MockitoSpyBean
	Predictor predictor;

	@Autowired
	SnapStartPriming adapter;

	@BeforeEach
	void breakThePrediction() {
		willThrow(new IllegalStateException("the model is broken")).given(this.predictor).diagnose(any());
	}

	@ParameterizedTest
	@EnumSource(value = Kind.class, names = "DIRECT", mode = EnumSource.Mode.EXCLUDE)
	void shouldAnswer500WhenThePredictionFails(Kind kind) throws IOException {
		JsonNode response = LambdaEvents.read(this.adapter.invoke(LambdaEvents.http(kind, "application/json", EXAMPLE, false)));
		assertThat(response.get("statusCode").intValue()).isEqualTo(500);
		assertThat(response.get("headers").get("Content-Type").asText()).isEqualTo("application/problem+json");
		JsonNode problem = LambdaEvents.read(response.get("body").asText().getBytes(StandardCharsets.UTF_8));
		assertThat(problem.get("status").intValue()).isEqualTo(500);
		assertThat(problem.toString()).doesNotContain("the model is broken");
	}

	@Test
	void shouldAnswerAProblemToADirectInvocationWhenThePredictionFails() throws IOException {
		JsonNode problem = LambdaEvents.read(this.adapter.invoke(EXAMPLE));
		assertThat(problem.get("status").intValue()).isEqualTo(500);
		assertThat(problem.toString()).doesNotContain("the model is broken");
	}

}
