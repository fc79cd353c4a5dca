package org.heartdisease.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.SurfaceCases;
import org.heartdisease.api.PayloadReader;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.api.RequestLimits;
import org.heartdisease.aws.LambdaEvents.Kind;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.model.ModelArtifactJson;
import org.heartdisease.prediction.PayloadValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lambda function on its own, without Spring: whatever fails, it answers a problem rather than
 * throwing, since Lambda turns a thrown exception into a gateway 502.
 */
class LambdaEventFunctionTests {

	private static final ObjectMapper mapper = new ObjectMapper();

	private static LambdaEventFunction failing;

	@BeforeAll
	static void buildAFunctionWhosePredictionFails() throws IOException {
		HeartDiseaseModel model;
		try (InputStream in = Files.newInputStream(Path.of("model/heart-disease.json"))) {
			model = ModelArtifactJson.read(in, "model/heart-disease.json");
		}
		PayloadReader reader = new PayloadReader(new PayloadValidator(model), new RequestLimits(262144, 1000));
		PredictionExchange exchange = new PredictionExchange((payload) -> {
			throw new IllegalStateException("the model is broken");
		}, reader, mapper);
		failing = new LambdaEventFunction(exchange, mapper);
	}

	@ParameterizedTest
	@EnumSource(value = Kind.class, names = "DIRECT", mode = EnumSource.Mode.EXCLUDE)
	void shouldAnswer500WhenThePredictionFails(Kind kind) {
		byte[] event = LambdaEvents.http(kind, "POST", "application/json", example(), false);
		JsonNode response = LambdaEvents.read(failing.apply(new ByteArrayInputStream(event)));
		assertThat(response.get("statusCode").intValue()).isEqualTo(500);
		assertThat(response.get("headers").get("Content-Type").asText()).isEqualTo("application/problem+json");
		assertThat(response.get("body").asText()).doesNotContain("the model is broken");
	}

	@Test
	void shouldAnswerAProblemToADirectInvocationWhenThePredictionFails() {
		JsonNode problem = LambdaEvents.read(failing.apply(new ByteArrayInputStream(example())));
		assertThat(problem.get("status").intValue()).isEqualTo(500);
	}

	@Test
	void shouldAnswerAProblemWhenTheEventCannotBeRead() {
		InputStream broken = new InputStream() {

			@Override
			public int read() throws IOException {
				throw new IOException("connection reset");
			}

		};
		JsonNode problem = LambdaEvents.read(failing.apply(broken));
		assertThat(problem.get("status").intValue()).isEqualTo(500);
	}

	private static byte[] example() {
		return SurfaceCases.payload("example.json").getBytes(StandardCharsets.UTF_8);
	}

}
