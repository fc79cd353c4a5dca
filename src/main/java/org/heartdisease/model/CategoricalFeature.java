package org.heartdisease.model;

import java.util.List;

/**
 * A fitted categorical column: most-frequent imputation, then one-hot encoding of the codes seen in
 * training, as scikit-learn's {@code SimpleImputer(strategy="most_frequent")} and
 * {@code OneHotEncoder(handle_unknown="ignore")}.
 *
 * @param name the field's name
 * @param categories the codes seen in training, ascending; one column each
 * @param mode the most frequent code (the smallest on a tie), which replaces a missing one
 * @param missing how many training rows missed this field
 */
public record CategoricalFeature(String name, List<Integer> categories, int mode, int missing) {

	public CategoricalFeature {
		categories = List.copyOf(categories);
	}

}
