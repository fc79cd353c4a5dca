package org.heartdisease.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;

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
	 * Scores of out-of-fold predictions: for k-fold, the mean and sample standard deviation of
	 * per-fold scores; for leave-one-out, where a one-row fold has no ROC AUC, the scores of all rows'
	 * out-of-fold predictions pooled. A k-fold entry is written exactly as before {@code pooled}
	 * existed (it is left out when null), and one without {@code pooled} still reads.
	 * @param folds the number of folds (the number of rows for leave-one-out)
	 * @param rocAuc ROC AUC per fold, or {@code null} when pooled
	 * @param accuracy accuracy per fold, or {@code null} when pooled
	 * @param pooled the pooled scores, for leave-one-out; {@code null} for k-fold
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonDeserialize(builder = CrossValidation.Reader.class)
	public record CrossValidation(int folds, Summary rocAuc, Summary accuracy, Pooled pooled) {

		public CrossValidation {
			if ((pooled == null) == (rocAuc == null || accuracy == null)) {
				throw new IllegalArgumentException("cross-validation needs either per-fold rocAuc and accuracy "
						+ "(k-fold) or pooled scores (leave-one-out), not both or neither");
			}
		}

		/**
		 * @param folds the number of folds
		 * @param rocAuc ROC AUC per fold
		 * @param accuracy accuracy per fold
		 */
		public CrossValidation(int folds, Summary rocAuc, Summary accuracy) {
			this(folds, rocAuc, accuracy, null);
		}

		/** Reads an entry with or without {@code pooled}; the strict mapper refuses absent record fields. */
		@JsonPOJOBuilder(withPrefix = "")
		static final class Reader {

			private Integer folds;

			private Summary rocAuc;

			private Summary accuracy;

			private Pooled pooled;

			Reader folds(int folds) {
				this.folds = folds;
				return this;
			}

			Reader rocAuc(Summary rocAuc) {
				this.rocAuc = rocAuc;
				return this;
			}

			Reader accuracy(Summary accuracy) {
				this.accuracy = accuracy;
				return this;
			}

			Reader pooled(Pooled pooled) {
				this.pooled = pooled;
				return this;
			}

			CrossValidation build() {
				if (this.folds == null) {
					throw new IllegalArgumentException("crossValidation has no folds");
				}
				return new CrossValidation(this.folds, this.rocAuc, this.accuracy, this.pooled);
			}

		}

	}

	/**
	 * Scores of every row's out-of-fold prediction taken together.
	 * @param rocAuc ROC AUC of the pooled predictions
	 * @param accuracy accuracy of the pooled predictions, at the threshold
	 */
	public record Pooled(double rocAuc, double accuracy) {
	}

	/**
	 * @param mean the mean over folds
	 * @param sd the sample standard deviation over folds
	 */
	public record Summary(double mean, double sd) {
	}

}
