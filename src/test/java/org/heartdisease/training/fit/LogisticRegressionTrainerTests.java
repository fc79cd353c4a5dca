package org.heartdisease.training.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.heartdisease.model.Field;
import org.heartdisease.model.HeartDiseaseModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link LogisticRegressionTrainer}.
 */
class LogisticRegressionTrainerTests {

	private final LogisticRegressionTrainer trainer = new LogisticRegressionTrainer();

	@Test
	void shouldMatchScikitLearnLiblinearOnAllRows() throws Exception {
		Dataset data = TestData.clevelandDataset();
		double[] expected = TestData.referenceColumn("p_liblinear");
		HeartDiseaseModel model = this.trainer.fit(data.rows(), data.labels());
		double maxDiff = 0;
		for (int i = 0; i < data.size(); i++) {
			maxDiff = Math.max(maxDiff, Math.abs(model.probability(data.rows().get(i)) - expected[i]));
		}
		System.out.printf("max |p - p_liblinear| over %d rows: %.3g%n", data.size(), maxDiff);
		assertThat(maxDiff).isLessThan(1e-3);
	}

	@Test
	void shouldMatchScikitLearnLiblinearLeaveOneOut() throws Exception {
		Dataset data = TestData.clevelandDataset();
		double[] expected = TestData.referenceColumn("loo_liblinear");
		double[] predicted = CrossValidation.leaveOneOut(this.trainer, data);
		double maxDiff = 0;
		for (int i = 0; i < data.size(); i++) {
			maxDiff = Math.max(maxDiff, Math.abs(predicted[i] - expected[i]));
		}
		System.out.printf("max |p - loo_liblinear| over %d rows: %.3g%n", data.size(), maxDiff);
		assertThat(maxDiff).isLessThan(1e-3);
	}

	@Test
	void shouldRaiseRiskWithExerciseAnginaAndLowerItWithHeartRate() {
		Dataset data = TestData.clevelandDataset();
		HeartDiseaseModel model = this.trainer.fit(data.rows(), data.labels());
		double[] first = data.rows().get(0);
		assertThat(first[Field.AGE.ordinal()]).isEqualTo(63);
		assertThat(data.labels()[0]).isFalse();
		double p = model.probability(first);
		assertThat(p).isCloseTo(0.146, within(1e-3));
		assertThat(model.label(p)).isEqualTo("clear");
		double[] angina = first.clone();
		angina[Field.EXANG.ordinal()] = 1;
		assertThat(model.probability(angina)).isGreaterThan(p);
		double[] fasterHeart = first.clone();
		fasterHeart[Field.THALACH.ordinal()] += 30;
		assertThat(model.probability(fasterHeart)).isLessThan(p);
	}

	@Test
	void shouldOrientWeightsToTheDiseaseWhicheverClassComesFirst() {
		List<double[]> rows = new ArrayList<>();
		boolean[] labels = new boolean[60];
		Random random = new Random(1);
		for (int i = 0; i < labels.length; i++) {
			labels[i] = i % 3 != 0;
			rows.add(syntheticRow(random, labels[i]));
		}
		boolean[] flipped = labels.clone();
		List<double[]> flippedRows = new ArrayList<>(rows);
		// Put a diseased row first, then a clear one, so LIBLINEAR sees the classes in the other order.
		java.util.Collections.swap(flippedRows, 0, 1);
		boolean swap = flipped[0];
		flipped[0] = flipped[1];
		flipped[1] = swap;
		HeartDiseaseModel clearFirst = this.trainer.fit(rows, labels);
		HeartDiseaseModel diseaseFirst = this.trainer.fit(flippedRows, flipped);
		assertThat(labels[0]).isFalse();
		assertThat(flipped[0]).isTrue();
		double[] highRisk = syntheticRow(new Random(2), true);
		highRisk[Field.EXANG.ordinal()] = 1;
		assertThat(clearFirst.probability(highRisk)).isGreaterThan(0.5)
			.isCloseTo(diseaseFirst.probability(highRisk), within(1e-9));
	}

	@Test
	void shouldBeDeterministic() {
		Dataset data = SyntheticData.dataset(80, 7);
		HeartDiseaseModel first = this.trainer.fit(data.rows(), data.labels());
		HeartDiseaseModel second = this.trainer.fit(data.rows(), data.labels());
		assertThat(second.artifact()).isEqualTo(first.artifact());
	}

	static double[] syntheticRow(Random random, boolean disease) {
		return SyntheticData.row(random, disease);
	}

}
