package org.heartdisease.training.fit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.heartdisease.model.Evaluation;
import org.heartdisease.model.ModelArtifact;
import org.heartdisease.model.ModelArtifactJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link QualityGate}, on both sides of each threshold, with real artifacts: the
 * committed model, and models trained here on the Cleveland file with other settings or with
 * deliberately corrupted labels.
 */
public class QualityGateTests {

	private static final double EPSILON = 1e-9;

	public static ModelArtifact committed() throws IOException {
		Path path = Path.of("model/heart-disease.json");
		try (InputStream in = Files.newInputStream(path)) {
			return ModelArtifactJson.read(in, path.toString()).artifact();
		}
	}

	/** @return a model trained on the Cleveland file with the given split seed and folds */
	public static ModelArtifact trained(Path data, long seed, int folds) {
		TrainingSettings options = new TrainingSettings(data.toString(), null, DatasetFormat.UCI, null, List.of(),
				List.of(), Map.of(), 0.2, seed, folds, "-gate-test");
		return new TrainingPipeline(Clock.systemUTC()).run(options).model().artifact();
	}

	/** @return the Cleveland file with every second patient's diagnosis flipped: a model that learned little */
	public static Path corrupted(Path dir) throws IOException {
		List<String> lines = Files.readAllLines(TestData.cleveland());
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (i % 2 == 1) {
				int comma = line.lastIndexOf(',');
				line = line.substring(0, comma + 1) + (line.substring(comma + 1).trim().equals("0") ? "1" : "0");
			}
			out.append(line).append('\n');
		}
		return Files.writeString(dir.resolve("corrupted.cleveland.data"), out);
	}

	private static double auc(ModelArtifact artifact) {
		return artifact.evaluation().crossValidation().rocAuc().mean();
	}

	@Test
	void shouldPassTheCommittedModelWhenNothingIsPublishedAndItReachesTheFloor() throws IOException {
		Evaluation committed = committed().evaluation();
		double auc = committed.crossValidation().rocAuc().mean();
		assertThat(auc).isBetween(0.90, 0.95);
		QualityGate.Decision decision = new QualityGate(QualityGate.DEFAULT_MIN_CV_AUC, 0.02).check(committed, null);
		assertThat(decision.passed()).isTrue();
		assertThat(decision.candidateAuc()).isEqualTo(auc);
		assertThat(decision.publishedAuc()).isNull();
		assertThat(new QualityGate(auc, 0.02).check(committed, null).passed()).as("exactly at the floor").isTrue();
	}

	@Test
	void shouldFailTheCommittedModelJustBelowTheFloor() throws IOException {
		Evaluation committed = committed().evaluation();
		double auc = committed.crossValidation().rocAuc().mean();
		QualityGate.Decision decision = new QualityGate(auc + EPSILON, 0.02).check(committed, committed);
		assertThat(decision.passed()).isFalse();
		assertThat(decision.reason()).contains("below the floor");
	}

	@Test
	void shouldFailAModelTrainedOnCorruptedLabelsAgainstTheDefaultFloor(@TempDir Path dir) throws IOException {
		ModelArtifact worse = trained(corrupted(dir), 42, 5);
		ModelArtifact committed = committed();
		assertThat(auc(worse)).isLessThan(0.75);
		QualityGate.Decision decision = new QualityGate(QualityGate.DEFAULT_MIN_CV_AUC, QualityGate.DEFAULT_MAX_DROP)
			.check(worse.evaluation(), committed.evaluation());
		assertThat(decision.passed()).isFalse();
		assertThat(decision.candidateAuc()).isEqualTo(auc(worse));
		assertThat(decision.publishedAuc()).isEqualTo(auc(committed));
		// With no floor it still fails, on the drop from the published model.
		QualityGate.Decision onDrop = new QualityGate(0, QualityGate.DEFAULT_MAX_DROP)
			.check(worse.evaluation(), committed.evaluation());
		assertThat(onDrop.passed()).isFalse();
		assertThat(onDrop.reason()).contains("below the published model's");
	}

	@Test
	void shouldAllowADropUpToTheMarginAndNoFurther() throws IOException {
		// Another seed and fold count give other folds, so another cross-validated ROC AUC on the same data.
		ModelArtifact retrained = trained(TestData.cleveland(), 7, 3);
		ModelArtifact committed = committed();
		assertThat(auc(retrained)).isNotEqualTo(auc(committed));
		ModelArtifact lower = (auc(retrained) < auc(committed)) ? retrained : committed;
		ModelArtifact higher = (lower == retrained) ? committed : retrained;
		double drop = auc(higher) - auc(lower);
		assertThat(new QualityGate(0.5, drop + EPSILON).check(lower.evaluation(), higher.evaluation()).passed()).isTrue();
		assertThat(new QualityGate(0.5, drop - EPSILON).check(lower.evaluation(), higher.evaluation()).passed()).isFalse();
		assertThat(new QualityGate(0.5, 0).check(higher.evaluation(), lower.evaluation()).passed())
			.as("a better model always passes the drop check").isTrue();
	}

	@Test
	void shouldRefuseThresholdsOutsideZeroToOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new QualityGate(1.5, 0.02)).withMessageContaining("floor");
		assertThatIllegalArgumentException().isThrownBy(() -> new QualityGate(0.85, -0.1)).withMessageContaining("drop");
		assertThatIllegalArgumentException().isThrownBy(() -> new QualityGate(Double.NaN, 0.02));
	}

}
