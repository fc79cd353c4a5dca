package org.heartdisease.training.fit;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.heartdisease.model.Evaluation;

/**
 * Scores of probabilities of disease against true labels: accuracy, ROC AUC, log loss, Brier score,
 * the confusion matrix, and the mean and sample standard deviation of per-fold scores.
 */
public final class Metrics {

	/** Probabilities are clipped to [EPSILON, 1 - EPSILON] in the log loss, as scikit-learn did. */
	static final double EPSILON = 1e-15;

	private Metrics() {
	}

	/**
	 * @param probabilities probabilities of disease
	 * @param labels whether each row has the disease
	 * @param threshold the probability from which a row is predicted to have the disease
	 * @return the share of rows predicted correctly
	 */
	public static double accuracy(double[] probabilities, boolean[] labels, double threshold) {
		check(probabilities, labels);
		int correct = 0;
		for (int i = 0; i < labels.length; i++) {
			correct += ((probabilities[i] >= threshold) == labels[i]) ? 1 : 0;
		}
		return (double) correct / labels.length;
	}

	/**
	 * The area under the ROC curve, as the Mann-Whitney statistic: the chance that a random diseased
	 * row scores above a random clear one, ties counting one half (the trapezoid rule).
	 * @param probabilities probabilities of disease
	 * @param labels whether each row has the disease; both classes must occur
	 * @return the ROC AUC
	 */
	public static double rocAuc(double[] probabilities, boolean[] labels) {
		check(probabilities, labels);
		int n = labels.length;
		Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.comparingDouble((Integer i) -> probabilities[i]));
		double positiveRankSum = 0;
		int positives = 0;
		int start = 0;
		while (start < n) {
			int end = start;
			while (end + 1 < n && probabilities[order[end + 1]] == probabilities[order[start]]) {
				end++;
			}
			// Tied scores share the mean of their 1-based ranks.
			double rank = (start + end) / 2.0 + 1;
			for (int k = start; k <= end; k++) {
				if (labels[order[k]]) {
					positiveRankSum += rank;
					positives++;
				}
			}
			start = end + 1;
		}
		int negatives = n - positives;
		if (positives == 0 || negatives == 0) {
			throw new IllegalArgumentException("ROC AUC needs both classes");
		}
		return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
	}

	/**
	 * @param probabilities probabilities of disease
	 * @param labels whether each row has the disease
	 * @return the mean negative log-likelihood, in nats
	 */
	public static double logLoss(double[] probabilities, boolean[] labels) {
		check(probabilities, labels);
		double sum = 0;
		for (int i = 0; i < labels.length; i++) {
			double p = Math.min(Math.max(probabilities[i], EPSILON), 1 - EPSILON);
			sum -= labels[i] ? Math.log(p) : Math.log(1 - p);
		}
		return sum / labels.length;
	}

	/**
	 * @param probabilities probabilities of disease
	 * @param labels whether each row has the disease
	 * @return the mean squared difference between probability and outcome (0 or 1)
	 */
	public static double brierScore(double[] probabilities, boolean[] labels) {
		check(probabilities, labels);
		double sum = 0;
		for (int i = 0; i < labels.length; i++) {
			double error = probabilities[i] - (labels[i] ? 1 : 0);
			sum += error * error;
		}
		return sum / labels.length;
	}

	/**
	 * @param probabilities probabilities of disease
	 * @param labels whether each row has the disease
	 * @param threshold the probability from which a row is predicted to have the disease
	 * @return the counts of each kind of prediction
	 */
	public static Evaluation.ConfusionMatrix confusion(double[] probabilities, boolean[] labels, double threshold) {
		check(probabilities, labels);
		int tp = 0;
		int fp = 0;
		int tn = 0;
		int fn = 0;
		for (int i = 0; i < labels.length; i++) {
			boolean predicted = probabilities[i] >= threshold;
			if (predicted && labels[i]) {
				tp++;
			}
			else if (predicted) {
				fp++;
			}
			else if (labels[i]) {
				fn++;
			}
			else {
				tn++;
			}
		}
		return new Evaluation.ConfusionMatrix(tp, fp, tn, fn);
	}

	/**
	 * @param values per-fold scores, at least two
	 * @return their mean and sample (n - 1) standard deviation
	 */
	public static Evaluation.Summary summary(double[] values) {
		if (values.length < 2) {
			throw new IllegalArgumentException("a summary needs at least two values");
		}
		double mean = Arrays.stream(values).sum() / values.length;
		double squares = Arrays.stream(values).map((value) -> (value - mean) * (value - mean)).sum();
		return new Evaluation.Summary(mean, Math.sqrt(squares / (values.length - 1)));
	}

	private static void check(double[] probabilities, boolean[] labels) {
		if (probabilities.length != labels.length || labels.length == 0) {
			throw new IllegalArgumentException(
					probabilities.length + " probabilities for " + labels.length + " labels; need as many, at least one");
		}
	}

}
