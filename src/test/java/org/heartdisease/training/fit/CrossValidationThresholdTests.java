package org.heartdisease.training.fit;

import org.junit.jupiter.api.Test;

import org.heartdisease.model.Evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Cross-validation and the hold-out score accuracy at the one threshold the artifact records.
 */
class CrossValidationThresholdTests {

	private static final Dataset DATA = SyntheticData.dataset(200, 7);

	@Test
	void shouldScoreTheFoldsAtTheThresholdTheArtifactsRecord() {
		LogisticRegressionTrainer low = new LogisticRegressionTrainer(LogisticRegressionTrainer.DEFAULT_C,
				LogisticRegressionTrainer.DEFAULT_EPSILON, 0.2);
		assertThat(low.fit(DATA.rows(), DATA.labels()).artifact().threshold()).isEqualTo(0.2);
		CrossValidation.Result result = CrossValidation.pooledLeaveOneOut(low, DATA, Progress.NONE);
		double[] p = result.probabilities();
		assertThat(result.scores().pooled().accuracy()).isEqualTo(Metrics.accuracy(p, DATA.labels(), 0.2))
			.isNotEqualTo(Metrics.accuracy(p, DATA.labels(), 0.5));
	}

	@Test
	void shouldGiveTheSameProbabilitiesButOtherAccuraciesAtAnotherThreshold() {
		LogisticRegressionTrainer standard = new LogisticRegressionTrainer();
		LogisticRegressionTrainer high = new LogisticRegressionTrainer(LogisticRegressionTrainer.DEFAULT_C,
				LogisticRegressionTrainer.DEFAULT_EPSILON, 0.8);
		Evaluator.Result atHalf = new Evaluator(standard).evaluate(DATA, 0.2, 5, 42);
		Evaluator.Result atHigh = new Evaluator(high).evaluate(DATA, 0.2, 5, 42);
		assertThat(atHigh.crossValidation().probabilities()).containsExactly(atHalf.crossValidation().probabilities(),
				within(0.0));
		Evaluation.CrossValidation half = atHalf.evaluation().crossValidation();
		Evaluation.CrossValidation eight = atHigh.evaluation().crossValidation();
		assertThat(eight.rocAuc()).isEqualTo(half.rocAuc());
		assertThat(eight.accuracy().mean()).isNotEqualTo(half.accuracy().mean());
		assertThat(atHigh.evaluation().holdout().validationAccuracy())
			.isNotEqualTo(atHalf.evaluation().holdout().validationAccuracy());
	}

}
