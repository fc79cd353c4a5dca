package org.heartdisease.prediction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.heartdisease.model.Field;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.model.ModelArtifactJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The {@code predict} function called directly, on the committed model, without Spring.
 */
class PredictorTests {

	/** Row 1 of the Cleveland file: a 63-year-old man without disease ({@code num = 0}). */
	static final Payload EXAMPLE = Payload.of(63.0, 1.0, 1.0, 145.0, 233.0, 1.0, 2.0, 150.0, 0.0, 2.3, 3.0, 0.0, 6.0);

	/** Row 2 of the Cleveland file: a 67-year-old man with disease ({@code num = 2}). */
	static final Payload SICK = Payload.of(67.0, 1.0, 4.0, 160.0, 286.0, 0.0, 2.0, 108.0, 1.0, 1.5, 2.0, 3.0, 3.0);

	static HeartDiseaseModel model;

	static Predictor predict;

	/** The artifact's JSON, scored by the test's own arithmetic. */
	static final ArtifactByHand byHand = ArtifactByHand.committed();

	@BeforeAll
	static void loadCommittedModel() throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("model/heart-disease.json"))) {
			model = ModelArtifactJson.read(in, "model/heart-disease.json");
		}
		predict = new Predictor(model);
	}

	@Test
	void shouldFindTheExamplePatientClear() {
		Diagnosis diagnosis = predict.apply(EXAMPLE);
		assertThat(diagnosis.diagnosis()).isEqualTo("clear");
		assertThat(diagnosis.probability()).isCloseTo(byHand.probability(EXAMPLE), within(1e-12))
			.isCloseTo(0.146, within(0.005));
		assertThat(diagnosis.explanation().logit()).isCloseTo(byHand.logit(EXAMPLE), within(1e-12));
		assertThat(diagnosis.imputed()).isEmpty();
		assertThat(diagnosis.model().name()).isEqualTo("heart-disease");
		assertThat(diagnosis.model().trainedAt()).isEqualTo(model.artifact().trainedAt());
	}

	@Test
	void shouldFindTheSecondClevelandPatientDiseased() {
		Diagnosis diagnosis = predict.apply(SICK);
		assertThat(diagnosis.diagnosis()).isEqualTo("heart-disease");
		assertThat(diagnosis.probability()).isCloseTo(byHand.probability(SICK), within(1e-12)).isGreaterThan(0.9);
	}

	@Test
	void shouldDiagnoseAPatientWithEveryStrongSignOfDiseaseAsDiseased() {
		// Asymptomatic chest pain, exercise angina, a flat slope, three vessels, a reversible defect,
		// a low maximum heart rate and a deep ST depression.
		Payload strong = Payload.of(70.0, 1.0, 4.0, 170.0, 320.0, 1.0, 2.0, 95.0, 1.0, 4.0, 2.0, 3.0, 7.0);
		Diagnosis diagnosis = predict.apply(strong);
		assertThat(diagnosis.diagnosis()).isEqualTo("heart-disease");
		assertThat(diagnosis.probability()).isGreaterThan(0.99)
			.isCloseTo(byHand.probability(strong), within(1e-12));
		assertThat(byHand.label(strong)).isEqualTo("heart-disease");
		assertThat(byHand.label(EXAMPLE)).isEqualTo("clear");
	}

	@Test
	void shouldDiagnoseAPatientWithoutAnySignOfDiseaseAsClear() {
		// A young woman, non-anginal pain, normal ECG, a fast heart, no angina, no depression,
		// upsloping, no vessels, a normal thallium test.
		Payload healthy = Payload.of(35.0, 0.0, 3.0, 115.0, 190.0, 0.0, 0.0, 185.0, 0.0, 0.0, 1.0, 0.0, 3.0);
		Diagnosis diagnosis = predict.apply(healthy);
		assertThat(diagnosis.diagnosis()).isEqualTo("clear");
		assertThat(diagnosis.probability()).isLessThan(0.05)
			.isCloseTo(byHand.probability(healthy), within(1e-12));
	}

	@Test
	void shouldRaiseRiskWithExerciseInducedAngina() {
		double without = predict.apply(with(EXAMPLE, Field.EXANG, 0.0)).probability();
		double with = predict.apply(with(EXAMPLE, Field.EXANG, 1.0)).probability();
		assertThat(with).isGreaterThan(without);
	}

	@Test
	void shouldLowerRiskWithHigherMaximumHeartRate() {
		double slow = predict.apply(with(EXAMPLE, Field.THALACH, 110.0)).probability();
		double fast = predict.apply(with(EXAMPLE, Field.THALACH, 190.0)).probability();
		assertThat(fast).isLessThan(slow);
	}

	@Test
	void shouldRaiseRiskWithAsymptomaticChestPainAndReversibleDefect() {
		double base = predict.apply(EXAMPLE).probability();
		assertThat(predict.apply(with(EXAMPLE, Field.CP, 4.0)).probability()).isGreaterThan(base);
		assertThat(predict.apply(with(EXAMPLE, Field.THAL, 7.0)).probability()).isGreaterThan(base);
	}

	@Test
	void shouldImputeTheFieldsMissingInTrainingAndSaySo() {
		Payload missing = with(with(EXAMPLE, Field.CA, null), Field.THAL, null);
		Diagnosis diagnosis = predict.apply(missing);
		assertThat(diagnosis.imputed()).containsExactly("ca", "thal");
		// The artifact's modes stand in: ca = 0 (as given) and thal = 3 (instead of 6).
		assertThat(diagnosis.probability()).isCloseTo(byHand.probability(missing), within(1e-12))
			.isCloseTo(byHand.probability(with(EXAMPLE, Field.THAL, 3.0)), within(1e-12))
			.isNotCloseTo(predict.apply(EXAMPLE).probability(), within(1e-3));
	}

	@Test
	void shouldRequireEveryFieldThatWasNeverMissingInTraining() {
		Payload empty = Payload.of(new Double[13]);
		assertThatExceptionOfType(InvalidPayloadException.class).isThrownBy(() -> predict.apply(empty))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field)
				.containsExactly("age", "sex", "cp", "trestbps", "chol", "fbs", "restecg", "thalach", "exang",
						"oldpeak", "slope"))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::message).containsOnly("is required"));
	}

	@Test
	void shouldRejectTheKaggleCodesAllAtOnce() {
		Payload kaggle = with(with(with(EXAMPLE, Field.CP, 0.0), Field.SLOPE, 0.0), Field.THAL, 1.0);
		assertThatExceptionOfType(InvalidPayloadException.class).isThrownBy(() -> predict.apply(kaggle))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("cp", "slope", "thal"))
			.satisfies((ex) -> assertThat(ex.errors().get(0).message())
				.isEqualTo("must be one of 1 (typical angina), 2 (atypical angina), 3 (non-anginal pain), "
						+ "4 (asymptomatic); got 0"));
	}

	@Test
	void shouldRejectImplausibleAndNonFiniteValues() {
		Payload bad = with(with(with(with(with(EXAMPLE, Field.CHOL, 2330.0), Field.AGE, -1.0), Field.FBS, 2.0),
				Field.SEX, 0.5), Field.OLDPEAK, Double.NaN);
		assertThatExceptionOfType(InvalidPayloadException.class).isThrownBy(() -> predict.apply(bad))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field)
				.containsExactly("age", "sex", "chol", "fbs", "oldpeak"))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::message).containsExactly(
					"must be between 1 and 120 years; got -1", "must be one of 0 (female), 1 (male); got 0.5",
					"must be between 50 and 700 mg/dl; got 2330", "must be 0 (false) or 1 (true); got 2",
					"must be a finite number"));
	}

	@Test
	void shouldRejectANullPayload() {
		assertThatExceptionOfType(InvalidPayloadException.class).isThrownBy(() -> predict.apply(null))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement().extracting(FieldError::message)
				.isEqualTo("a payload is required"));
	}

	@Test
	void shouldAcceptTheBoundsOfThePlausibleRanges() {
		Payload edge = with(with(EXAMPLE, Field.TRESTBPS, 250.0), Field.OLDPEAK, -5.0);
		assertThat(predict.apply(edge).probability()).isCloseTo(byHand.probability(edge), within(1e-12));
	}

	static Payload with(Payload payload, Field changed, Double value) {
		Double[] values = new Double[Field.all().size()];
		for (Field field : Field.all()) {
			values[field.ordinal()] = (field == changed) ? value : payload.get(field);
		}
		return Payload.of(values);
	}

}
