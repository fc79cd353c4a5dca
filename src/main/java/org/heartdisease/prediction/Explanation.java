package org.heartdisease.prediction;

import java.util.List;

/**
 * Why the model answered as it did: the log-odds of disease split exactly by field, so that
 * {@code intercept} plus the sum of the contributions is {@code logit}, and
 * {@code probability = 1 / (1 + exp(-logit))}.
 *
 * @param intercept the log-odds before any field
 * @param logit the log-odds of disease
 * @param contributions one per field, the largest effect (either way) first
 */
public record Explanation(double intercept, double logit, List<Contribution> contributions) {

	/**
	 * One field's share of the log-odds: positive raises the probability of disease.
	 * @param field the field's name
	 * @param value the value the model used: the payload's, or the training data's median or mode
	 * when it was missing
	 * @param label the value for a person, for example {@code thal = 7 (reversible defect)}
	 * @param contribution the field's term in the log-odds (for a one-hot encoded field, the sum
	 * over its columns)
	 * @param imputed whether the value was missing and filled in
	 */
	public record Contribution(String field, double value, String label, double contribution, boolean imputed) {
	}

}
