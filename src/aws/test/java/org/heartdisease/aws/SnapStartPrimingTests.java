package org.heartdisease.aws;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.ReferenceExchange;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.prediction.Predictor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.times;

/**
 * The SnapStart priming hook in the AWS surface's own context: before a checkpoint it runs one real
 * prediction through the exported function, and answers as the reference exchange does; a function
 * that gives no diagnosis fails the checkpoint.
 */
@SpringBootTest
class SnapStartPrimingTests {

	@MockitoSpyBean
	Predictor predictor;

	@Autowired
	SnapStartPriming priming;

	@Autowired
	FunctionCatalog catalog;

	@Autowired
	JsonMapper jsonMapper;

	@Autowired
	ObjectMapper objectMapper;

	@Test
	void shouldRunOnePredictionBeforeTheSnapshot() throws Exception {
		then(this.predictor).shouldHaveNoInteractions();
		this.priming.beforeCheckpoint(null);
		then(this.predictor).should(times(1)).diagnose(any());
	}

	@Test
	void shouldAnswerThePrimingEventAsTheReferenceExchangeDoes() throws Exception {
		JsonNode event = this.objectMapper.readTree(SnapStartPriming.EVENT);
		byte[] body = event.get("body").asText().getBytes(StandardCharsets.UTF_8);
		PredictionExchange.Answer expected = ReferenceExchange.get()
			.answer(new PredictionExchange.Call("POST", "/predict", "application/json", body.length,
					new ByteArrayInputStream(body)));
		assertThat(expected.status()).isEqualTo(200);
		LambdaEvents.assertResponse(this.priming.prime(), expected);
	}

	@Test
	void shouldFailTheCheckpointWhenThePredictionFails() {
		willThrow(new IllegalStateException("the model is broken")).given(this.predictor).diagnose(any());
		assertThatIllegalStateException().isThrownBy(() -> this.priming.beforeCheckpoint(null))
			.withMessageContaining("did not give a diagnosis")
			.withMessageContaining("\"statusCode\":500");
	}

	@Test
	void shouldFailTheCheckpointWhenTheFunctionIsNotADiagnosis() {
		SnapStartPriming primingDescribe = new SnapStartPriming(this.catalog, this.jsonMapper, this.objectMapper,
				"describe");
		assertThatIllegalStateException().isThrownBy(() -> primingDescribe.beforeCheckpoint(null))
			.withMessageContaining("did not give a diagnosis");
	}

	@Test
	void shouldFailTheCheckpointWhenTheFunctionIsMissing() {
		SnapStartPriming primingNothing = new SnapStartPriming(this.catalog, this.jsonMapper, this.objectMapper, "nope");
		assertThatIllegalStateException().isThrownBy(() -> primingNothing.beforeCheckpoint(null))
			.withMessageContaining("No function nope");
	}

}
