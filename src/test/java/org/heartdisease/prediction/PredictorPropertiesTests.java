package org.heartdisease.prediction;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.heartdisease.FuzzPayloads;
import org.heartdisease.model.Field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Properties of the {@code predict} function over random payloads: a valid payload always gets the
 * diagnosis its artifact's JSON gives by hand, anything else a field-by-field refusal, and nothing
 * else ever escapes.
 */
class PredictorPropertiesTests {

	private static final Predictor predict = new Predictor(FuzzPayloads.committedModel());

	private static final ArtifactByHand byHand = ArtifactByHand.committed();

	private static final List<String> FIELD_NAMES = Field.all().stream().map(Field::jsonName).toList();

	@Property(tries = 10_000)
	void shouldDiagnoseEveryValidPayload(@ForAll("valid") Payload payload) {
		Diagnosis diagnosis = predict.apply(payload);
		double expected = byHand.probability(payload);
		assertThat(diagnosis.probability()).isCloseTo(expected, within(1e-12));
		// Within rounding of the threshold either side is right.
		if (Math.abs(expected - byHand.threshold()) > 1e-12) {
			assertThat(diagnosis.diagnosis()).isEqualTo(byHand.label(payload));
		}
	}

	@Property(tries = 10_000)
	void shouldScoreExactlyAsItDiagnoses(@ForAll("valid") Payload payload) {
		// The batch scorer's path: the diagnosis without its explanation, to the last bit.
		Diagnosis diagnosis = predict.apply(payload);
		Predictor.Score score = predict.score(payload);
		assertThat(score.probability()).isEqualTo(diagnosis.probability());
		assertThat(score.diagnosis()).isEqualTo(diagnosis.diagnosis());
		assertThat(score.imputed()).isEqualTo(diagnosis.imputed());
	}

	@Property(tries = 10_000)
	void shouldDiagnoseOrRefuseAnyPayloadNamingFields(@ForAll("any") Payload payload) {
		try {
			Diagnosis diagnosis = predict.apply(payload);
			assertThat(diagnosis.probability()).isCloseTo(byHand.probability(payload), within(1e-12));
			assertThat(predict.validator().validate(payload)).isEmpty();
		}
		catch (InvalidPayloadException ex) {
			assertThat(ex.errors()).isNotEmpty().allSatisfy((error) -> {
				assertThat(error.field()).isIn(FIELD_NAMES);
				assertThat(error.message()).isNotBlank();
			});
			assertThat(ex.errors()).extracting(FieldError::field).doesNotHaveDuplicates();
		}
	}

	@Provide
	Arbitrary<Payload> valid() {
		return FuzzPayloads.validPayloads();
	}

	@Provide
	Arbitrary<Payload> any() {
		return FuzzPayloads.anyPayloads();
	}

}
