package org.heartdisease.prediction;

import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.heartdisease.FuzzPayloads;
import org.heartdisease.model.Field;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.model.ModelArtifact;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every diagnosis explains itself exactly: the intercept plus the per-field contributions is the
 * logit of the probability, and a field's contribution depends on that field alone.
 */
class ExplanationTests {

	private static final Predictor predict = new Predictor(FuzzPayloads.committedModel());

	private static final ArtifactByHand byHand = ArtifactByHand.committed();

	@Test
	void shouldExplainTheExamplePatientExactly() {
		Diagnosis diagnosis = predict.apply(PredictorTests.EXAMPLE);
		Explanation explanation = diagnosis.explanation();
		assertThat(explanation.contributions()).hasSize(13);
		assertThat(sum(explanation)).isCloseTo(explanation.logit(), within(1e-9));
		assertThat(explanation.logit()).isCloseTo(logit(diagnosis.probability()), within(1e-9));
		assertThat(explanation.contributions()).extracting((c) -> Math.abs(c.contribution()))
			.isSortedAccordingTo((a, b) -> Double.compare(b, a));
		assertThat(explanation.contributions()).extracting(Explanation.Contribution::label)
			.contains("thal = 6 (fixed defect)", "cp = 1 (typical angina)", "age = 63 years", "oldpeak = 2.3 mm",
					"fbs = 1 (true)", "sex = 1 (male)", "ca = 0 vessels");
		assertThat(explanation.contributions()).noneMatch(Explanation.Contribution::imputed);
		assertThat(explanation.intercept()).isEqualTo(byHand.intercept());
		assertAgreesWithTheArtifactByHand(PredictorTests.EXAMPLE, explanation);
	}

	@Test
	void shouldShowTheRiskFactorsOfASickPatientFirst() {
		Explanation explanation = predict.apply(PredictorTests.SICK).explanation();
		Explanation.Contribution largest = explanation.contributions().get(0);
		assertThat(largest.contribution()).isPositive();
		assertThat(explanation.contributions().stream()
			.filter((c) -> c.field().equals("exang")).findFirst().orElseThrow().contribution()).isPositive();
	}

	@Test
	void shouldFlagImputedFieldsWithTheValueUsed() {
		Payload missing = PredictorTests.with(PredictorTests.with(PredictorTests.EXAMPLE, Field.CA, null), Field.THAL,
				null);
		Explanation explanation = predict.apply(missing).explanation();
		Explanation.Contribution thal = explanation.contributions().stream()
			.filter((c) -> c.field().equals("thal")).findFirst().orElseThrow();
		assertThat(thal.imputed()).isTrue();
		assertThat(thal.value()).isEqualTo(FuzzPayloads.committedModel().categorical(Field.THAL).mode());
		assertThat(thal.label()).isEqualTo("thal = 3 (normal), imputed");
		assertThat(sum(explanation)).isCloseTo(explanation.logit(), within(1e-9));
		assertAgreesWithTheArtifactByHand(missing, explanation);
	}

	@Test
	void shouldGiveNoUciMeaningsToTheCodesOfAModelTrainedOnAnotherCoding() {
		ModelArtifact uci = FuzzPayloads.committedModel().artifact();
		ModelArtifact.Dataset csv = new ModelArtifact.Dataset("heart.csv", uci.dataset().sha256(), "csv",
				uci.dataset().rows(), "target", List.of("0"), uci.dataset().positives(), uci.dataset().negatives(),
				uci.dataset().missing());
		HeartDiseaseModel kaggle = new HeartDiseaseModel(new ModelArtifact(uci.format(), uci.schemaVersion(), "-kaggle",
				uci.trainedAt(), uci.labels(), uci.threshold(), uci.preprocessing(), uci.columns(), uci.coefficients(),
				uci.intercept(), uci.evaluation(), csv, uci.trainer(), uci.libraries(), uci.trainingDistribution()));
		Predictor kagglePredict = new Predictor(kaggle);
		assertThat(kagglePredict.apply(PredictorTests.EXAMPLE).explanation().contributions())
			.extracting(Explanation.Contribution::label)
			.contains("cp = 1", "thal = 6", "exang = 0 (no)")
			.noneMatch((label) -> label.contains("angina)") || label.contains("defect"));
		assertThat(kagglePredict.validator().validate(PredictorTests.with(PredictorTests.EXAMPLE, Field.CP, 0.0)))
			.extracting(FieldError::message).containsExactly("must be one of 1, 2, 3, 4; got 0");
		assertThat(ModelDescription.of(kaggle).fields().get(2).codes()).extracting(ModelDescription.Code::meaning)
			.containsOnlyNulls();
	}

	@Property(tries = 2_000)
	void shouldAddUpForEveryValidPayload(@ForAll("valid") Payload payload) {
		Diagnosis diagnosis = predict.apply(payload);
		assertThat(sum(diagnosis.explanation())).isCloseTo(diagnosis.explanation().logit(), within(1e-9));
		assertThat(diagnosis.explanation().logit()).isCloseTo(logit(diagnosis.probability()),
				within(1e-9 * Math.max(1, Math.abs(diagnosis.explanation().logit()))));
		assertAgreesWithTheArtifactByHand(payload, diagnosis.explanation());
	}

	@Property(tries = 2_000)
	void shouldChangeOnlyTheContributionOfTheChangedField(@ForAll("pairs") Tuple2<Payload, Payload> pair) {
		List<Explanation.Contribution> before = predict.apply(pair.get1()).explanation().contributions();
		List<Explanation.Contribution> after = predict.apply(pair.get2()).explanation().contributions();
		for (Field field : Field.all()) {
			boolean changed = !java.util.Objects.equals(pair.get1().get(field), pair.get2().get(field));
			if (!changed) {
				assertThat(contribution(after, field)).isEqualTo(contribution(before, field));
			}
		}
	}

	@Provide
	Arbitrary<Payload> valid() {
		return FuzzPayloads.validPayloads();
	}

	/** Two valid payloads that differ in one field at most. */
	@Provide
	Arbitrary<Tuple2<Payload, Payload>> pairs() {
		return Combinators.combine(FuzzPayloads.validPayloads(), FuzzPayloads.validPayloads(),
				net.jqwik.api.Arbitraries.of(Field.all()))
			.as((first, other, field) -> Tuple.of(first, PredictorTests.with(first, field, other.get(field))));
	}

	private static double contribution(List<Explanation.Contribution> contributions, Field field) {
		return contributions.stream().filter((c) -> c.field().equals(field.jsonName())).findFirst().orElseThrow()
			.contribution();
	}

	/** Each field's contribution and the logit are the artifact's own, computed by hand from its JSON. */
	private static void assertAgreesWithTheArtifactByHand(Payload payload, Explanation explanation) {
		Map<String, Double> expected = byHand.contributions(payload);
		assertThat(expected).hasSize(13);
		for (Explanation.Contribution contribution : explanation.contributions()) {
			assertThat(contribution.contribution()).as(contribution.field())
				.isCloseTo(expected.get(contribution.field()), within(1e-12));
		}
		assertThat(explanation.logit()).isCloseTo(byHand.logit(payload), within(1e-12));
	}

	static double sum(Explanation explanation) {
		return explanation.intercept()
				+ explanation.contributions().stream().mapToDouble(Explanation.Contribution::contribution).sum();
	}

	static double logit(double probability) {
		return Math.log(probability / (1 - probability));
	}

}
