package org.heartdisease.model;

/**
 * A fitted numeric column: median imputation, then standardisation with the population standard
 * deviation, as scikit-learn's {@code SimpleImputer(strategy="median")} and {@code StandardScaler}.
 *
 * @param name the field's name
 * @param median the value that replaces a missing one
 * @param mean the mean after imputation
 * @param scale the population standard deviation after imputation (1 for a constant column)
 * @param min the smallest value seen in training
 * @param max the largest value seen in training
 * @param missing how many training rows missed this field
 */
public record NumericFeature(String name, double median, double mean, double scale, double min, double max,
		int missing) {
}
