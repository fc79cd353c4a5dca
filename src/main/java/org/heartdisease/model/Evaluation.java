package org.heartdisease.model;

/**
 * How well the pipeline did on data it was not fitted to; an immutable value stored in the artifact.
 *
 * @param holdout a seeded, stratified train/validation split
 * @param crossValidation stratified k-fold cross-validation on all rows
 */
public record Evaluation(Holdout holdout, CrossValidation crossValidation) {

	/**
	 * Scores of the model fitted on the training part of the split.
	 * @param trainingRows rows fitted
	 * @param validationRows rows held out
	 * @param trainingAccuracy accuracy on the fitted rows, at the threshold
	 * @param validationAccuracy accuracy on the held-out rows, at the threshold
	 * @param rocAuc ROC AUC on the held-out rows
	 * @param logLoss mean negative log-likelihood on the held-out rows
	 * @param brierScore mean squared error of the probabilities on the held-out rows
	 * @param confusion the held-out confusion matrix, at the threshold
	 */
	public record Holdout(int trainingRows, int validationRows, double trainingAccuracy, double validationAccuracy,
			double rocAuc, double logLoss, double brierScore, ConfusionMatrix confusion) {
	}

	/**
	 * Counts of held-out predictions; positive means disease.
	 * @param truePositives disease predicted as disease
	 * @param falsePositives no disease predicted as disease
	 * @param trueNegatives no disease predicted as no disease
	 * @param falseNegatives disease predicted as no disease
	 */
	public record ConfusionMatrix(int truePositives, int falsePositives, int trueNegatives, int falseNegatives) {
	}

	/**
	 * Mean and sample standard deviation of per-fold scores.
	 * @param folds the number of folds
	 * @param rocAuc ROC AUC per fold
	 * @param accuracy accuracy per fold
	 */
	public record CrossValidation(int folds, Summary rocAuc, Summary accuracy) {
	}

	/**
	 * @param mean the mean over folds
	 * @param sd the sample standard deviation over folds
	 */
	public record Summary(double mean, double sd) {
	}

}
