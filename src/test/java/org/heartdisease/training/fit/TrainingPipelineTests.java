package org.heartdisease.training.fit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;


import org.heartdisease.model.Field;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.model.ModelArtifact;
import org.heartdisease.model.ModelArtifactJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TrainingPipeline} on the real data files (skipped when they are absent).
 */
class TrainingPipelineTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05.678Z"), ZoneOffset.UTC);

	private static TrainingResult train(Clock clock, TrainingSettings settings) {
		return new TrainingPipeline(clock).run(settings);
	}

	/** @return how much setting exang from 0 to 1 raises P(disease) for the first row */
	private static double exerciseAnginaEffect(HeartDiseaseModel model, double[] row) {
		double[] without = row.clone();
		without[Field.EXANG.ordinal()] = 0;
		double[] with = row.clone();
		with[Field.EXANG.ordinal()] = 1;
		return model.probability(with) - model.probability(without);
	}

	@Test
	void shouldRecordProvenanceEvaluationAndSecondsPrecisionTime() {
		TrainingResult result = train(CLOCK, TestData.settings(TestData.cleveland().toAbsolutePath()));
		ModelArtifact artifact = result.model().artifact();
		assertThat(artifact.trainedAt()).isEqualTo("2025-01-02T03:04:05Z");
		// Only the file name: where the data sat on this machine is neither public nor part of the model.
		assertThat(artifact.dataset().source()).isEqualTo("processed.cleveland.data");
		assertThat(artifact.dataset().sha256())
			.isEqualTo("a74b7efa387bc9d108d7d0115d831fe9b414b29ae7124f331b622b4efa0427c8");
		assertThat(artifact.dataset().rows()).isEqualTo(303);
		assertThat(artifact.dataset().positives()).isEqualTo(139);
		assertThat(artifact.dataset().missing()).isEqualTo(TestData.expectedClevelandMissing());
		assertThat(artifact.evaluation().holdout().validationRows()).isEqualTo(61);
		assertThat(artifact.evaluation().crossValidation().rocAuc().mean()).isBetween(0.85, 0.97);
		assertThat(artifact.trainer().interceptPenalised()).isTrue();
		assertThat(artifact.libraries()).containsEntry("liblinear", "2.44");
	}

	@Test
	void shouldAgreeWithTheUciDirectionOnKaggleDataOnlyWithPositiveZero() {
		Path kaggle = TestData.kaggle();
		TrainingResult right = train(CLOCK, TestData.settings(kaggle, "target", List.of("0"), 5));
		TrainingResult inverted = train(CLOCK, TestData.settings(kaggle, "target", List.of("1"), 5));
		double[] first = right.dataset().rows().get(0);
		assertThat(right.dataset().positives()).isEqualTo(138);
		assertThat(exerciseAnginaEffect(right.model(), first)).isPositive();
		// Declaring target=1 as disease, as the Python demo did, learns the opposite: angina protects.
		assertThat(exerciseAnginaEffect(inverted.model(), first)).isNegative();
		assertThat(right.model().probability(first)).isLessThan(0.5);
		assertThat(inverted.model().probability(first)).isGreaterThan(0.5);
	}

	@Test
	void shouldWriteByteIdenticalArtifactsApartFromTrainedAt() {
		Path data = TestData.cleveland();
		Clock later = Clock.offset(CLOCK, java.time.Duration.ofHours(5));
		ModelArtifact first = train(CLOCK, TestData.settings(data)).model().artifact();
		ModelArtifact second = train(later, TestData.settings(data)).model().artifact();
		assertThat(first.trainedAt()).isNotEqualTo(second.trainedAt());
		assertThat(ModelArtifactJson.toBytes(withTrainedAt(second, ""))).isEqualTo(
				ModelArtifactJson.toBytes(withTrainedAt(first, "")));
	}

	@Test
	void shouldReproduceTheCommittedArtifact() throws Exception {
		Path committed = Path.of("model/heart-disease.json");
		assertThat(committed).exists();
		Path data = TestData.cleveland();
		ModelArtifact fresh = train(CLOCK, TestData.settings(data)).model().artifact();
		ObjectMapper mapper = new ObjectMapper();
		ObjectNode expected = (ObjectNode) mapper.readTree(Files.readAllBytes(committed));
		ObjectNode actual = (ObjectNode) mapper.readTree(ModelArtifactJson.toBytes(fresh));
		for (ObjectNode node : new ObjectNode[] { expected, actual }) {
			node.remove("trainedAt");
			node.remove(ModelArtifactJson.CHECKSUM);
			// The JVM's build may differ between machines; everything else must not.
			((ObjectNode) node.get("libraries")).remove("java");
		}
		assertThat(actual).isEqualTo(expected);
		// The committed model card and its plots are checked by ModelCardTests, in the report's room.
	}

	@Test
	void shouldNameTheLabelWhenAClassHasFewerRowsThanFolds() {
		Dataset data = SyntheticData.dataset(40, 5);
		assertThatExceptionOfType(TrainingException.class)
			.isThrownBy(() -> new Evaluator(new LogisticRegressionTrainer()).evaluate(data, 0.2, 30, 42))
			.withMessageStartingWith("synthetic, label column 'num': the class with ")
			.withMessageContaining("fewer rows than the 30 folds");
	}

	private static ModelArtifact withTrainedAt(ModelArtifact a, String trainedAt) {
		return new ModelArtifact(a.format(), a.schemaVersion(), a.tag(), trainedAt, a.labels(), a.threshold(),
				a.preprocessing(), a.columns(), a.coefficients(), a.intercept(), a.evaluation(), a.dataset(), a.trainer(),
				a.libraries(), a.trainingDistribution());
	}

}
