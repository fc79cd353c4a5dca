package org.heartdisease.training.fit;

import org.junit.jupiter.api.Test;

import org.heartdisease.model.Evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link Metrics}, on examples small enough to work out by hand.
 */
class MetricsTests {

	private static final boolean T = true;

	private static final boolean F = false;

	@Test
	void shouldCountTiedScoresAsHalfInRocAuc() {
		// Pairs (positive, negative): (0.8,0.1) win, (0.8,0.4) win, (0.4,0.1) win, (0.4,0.4) tie -> 3.5 / 4.
		double[] p = { 0.1, 0.4, 0.4, 0.8 };
		boolean[] y = { F, F, T, T };
		assertThat(Metrics.rocAuc(p, y)).isEqualTo(0.875);
	}

	@Test
	void shouldGiveRocAucOneForPerfectRankingAndZeroForReversed() {
		assertThat(Metrics.rocAuc(new double[] { 0.2, 0.3, 0.9 }, new boolean[] { F, T, T })).isEqualTo(1.0);
		assertThat(Metrics.rocAuc(new double[] { 0.2, 0.3, 0.9 }, new boolean[] { T, F, F })).isEqualTo(0.0);
	}

	@Test
	void shouldRefuseRocAucWithOneClass() {
		assertThatIllegalArgumentException().isThrownBy(() -> Metrics.rocAuc(new double[] { 0.2, 0.3 },
				new boolean[] { T, T }));
	}

	@Test
	void shouldComputeLogLossAsMeanNegativeLogLikelihood() {
		double expected = -(Math.log(0.8) + Math.log(1 - 0.4)) / 2;
		assertThat(Metrics.logLoss(new double[] { 0.8, 0.4 }, new boolean[] { T, F })).isCloseTo(expected, within(1e-15));
	}

	@Test
	void shouldClipCertainWrongPredictionsInLogLoss() {
		assertThat(Metrics.logLoss(new double[] { 0.0 }, new boolean[] { T })).isCloseTo(-Math.log(1e-15), within(1e-9));
	}

	@Test
	void shouldComputeBrierScoreAsMeanSquaredError() {
		// (0.8 - 1)^2 = 0.04, (0.4 - 0)^2 = 0.16 -> 0.1
		assertThat(Metrics.brierScore(new double[] { 0.8, 0.4 }, new boolean[] { T, F })).isCloseTo(0.1, within(1e-15));
	}

	@Test
	void shouldCountAProbabilityAtTheThresholdAsDisease() {
		double[] p = { 0.5, 0.49, 0.7, 0.1, 0.6 };
		boolean[] y = { T, T, F, F, T };
		assertThat(Metrics.confusion(p, y, 0.5)).isEqualTo(new Evaluation.ConfusionMatrix(2, 1, 1, 1));
		assertThat(Metrics.accuracy(p, y, 0.5)).isEqualTo(0.6);
	}

	@Test
	void shouldSummariseWithTheSampleStandardDeviation() {
		Evaluation.Summary summary = Metrics.summary(new double[] { 1, 2, 3, 4 });
		assertThat(summary.mean()).isEqualTo(2.5);
		assertThat(summary.sd()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-15));
	}

}
