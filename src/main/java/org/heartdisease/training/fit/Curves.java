package org.heartdisease.training.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The data behind the model card's plots: the ROC curve's points and the calibration bins of a set
 * of predicted probabilities.
 */
public final class Curves {

	private Curves() {
	}

	/**
	 * One point of the ROC curve.
	 * @param falsePositiveRate the share of clear rows predicted diseased
	 * @param truePositiveRate the share of diseased rows predicted diseased
	 */
	public record RocPoint(double falsePositiveRate, double truePositiveRate) {
	}

	/**
	 * One bin of predicted probabilities.
	 * @param lower the bin's lower bound, inclusive
	 * @param upper the bin's upper bound, exclusive (inclusive for the last bin)
	 * @param rows the rows whose probability falls in the bin, at least one
	 * @param meanPredicted their mean predicted probability of disease
	 * @param observed the share of them that have the disease
	 */
	public record Bin(double lower, double upper, int rows, double meanPredicted, double observed) {
	}

	/**
	 * The ROC curve from (0, 0) to (1, 1): one point per distinct probability, taken as the
	 * threshold from the highest down; tied rows make one diagonal step, as in the trapezoid AUC.
	 * @param probabilities probabilities of disease
	 * @param labels whether each row has the disease; both classes must occur
	 * @return the points, the number of distinct probabilities plus one
	 */
	public static List<RocPoint> roc(double[] probabilities, boolean[] labels) {
		int n = labels.length;
		int positives = 0;
		for (boolean label : labels) {
			positives += label ? 1 : 0;
		}
		int negatives = n - positives;
		if (positives == 0 || negatives == 0) {
			throw new IllegalArgumentException("a ROC curve needs both classes");
		}
		Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -probabilities[i]));
		List<RocPoint> points = new ArrayList<>();
		points.add(new RocPoint(0, 0));
		int truePositives = 0;
		int falsePositives = 0;
		for (int k = 0; k < n; k++) {
			if (labels[order[k]]) {
				truePositives++;
			}
			else {
				falsePositives++;
			}
			if (k == n - 1 || probabilities[order[k + 1]] != probabilities[order[k]]) {
				points.add(new RocPoint((double) falsePositives / negatives, (double) truePositives / positives));
			}
		}
		return points;
	}

	/**
	 * @param probabilities probabilities of disease
	 * @param labels whether each row has the disease
	 * @param bins the number of equal-width bins over [0, 1]
	 * @return the bins that hold at least one row, in ascending order
	 */
	public static List<Bin> calibration(double[] probabilities, boolean[] labels, int bins) {
		int[] rows = new int[bins];
		double[] predicted = new double[bins];
		int[] diseased = new int[bins];
		for (int i = 0; i < probabilities.length; i++) {
			int bin = Math.min((int) (probabilities[i] * bins), bins - 1);
			rows[bin]++;
			predicted[bin] += probabilities[i];
			diseased[bin] += labels[i] ? 1 : 0;
		}
		List<Bin> result = new ArrayList<>();
		for (int bin = 0; bin < bins; bin++) {
			if (rows[bin] > 0) {
				result.add(new Bin((double) bin / bins, (double) (bin + 1) / bins, rows[bin], predicted[bin] / rows[bin],
						(double) diseased[bin] / rows[bin]));
			}
		}
		return result;
	}

}
