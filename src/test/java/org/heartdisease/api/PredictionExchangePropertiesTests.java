package org.heartdisease.api;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.heartdisease.FuzzPayloads;
import org.heartdisease.monitoring.AnswerMonitor;
import org.heartdisease.prediction.ModelDescription;
import org.heartdisease.prediction.Predictor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the exchange every surface shares, over random, mutated and hostile bodies: it
 * never throws, never answers 5xx, and every refusal is a problem body without internals.
 */
class PredictionExchangePropertiesTests {

	private static final ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();

	private static final PredictionExchange exchange = exchange();

	@Property(tries = 10_000)
	void shouldAnswerAnyBodyWithADiagnosisOrAProblem(@ForAll("bodies") byte[] body) throws Exception {
		PredictionExchange.Answer reply = exchange.answer(post(body));
		Statistics.collect(reply.status());
		assertThat(reply.status()).isIn(200, 400, 413);
		JsonNode json = mapper.readTree(reply.body());
		String text = new String(reply.body(), StandardCharsets.UTF_8);
		if (reply.status() == 200) {
			assertThat(reply.contentType()).isEqualTo("application/json");
			for (JsonNode diagnosis : json.isArray() ? json : mapper.createArrayNode().add(json)) {
				assertThat(diagnosis.get("probability").asDouble()).isBetween(0.0, 1.0);
				assertThat(diagnosis.get("diagnosis").asText()).isIn("clear", "heart-disease");
			}
		}
		else {
			assertThat(reply.contentType()).isEqualTo("application/problem+json");
			assertThat(json.get("status").asInt()).isEqualTo(reply.status());
			assertThat(json.get("detail").asText()).isNotBlank();
			assertThat(text).doesNotContain("Exception", "\tat ", "org.", "com.fasterxml", "/work/", "java.");
		}
		// The generator must reach both answers often, or the property proves little.
		Statistics.coverage((coverage) -> {
			coverage.check(200).percentage((percent) -> percent > 20);
			coverage.check(400).percentage((percent) -> percent > 30);
		});
	}

	@Property(tries = 2_000)
	void shouldNeverRefuseAValidPayload(@ForAll("valid") String json) {
		PredictionExchange.Answer reply = exchange.answer(post(json.getBytes(StandardCharsets.UTF_8)));
		assertThat(reply.status()).as(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo(200);
	}

	@Provide
	Arbitrary<byte[]> bodies() {
		return FuzzPayloads.requestBodies();
	}

	@Provide
	Arbitrary<String> valid() {
		return FuzzPayloads.validJson();
	}

	private static PredictionExchange.Call post(byte[] body) {
		return new PredictionExchange.Call("POST", "/predict", "application/json", body.length,
				new ByteArrayInputStream(body));
	}

	private static PredictionExchange exchange() {
		Predictor predict = new Predictor(FuzzPayloads.committedModel());
		RequestLimits limits = new RequestLimits(262144, 1000);
		return new PredictionExchange(predict, () -> ModelDescription.of(FuzzPayloads.committedModel()),
				new PayloadReader(predict.validator(), limits), limits, mapper, AnswerMonitor.off());
	}

}
