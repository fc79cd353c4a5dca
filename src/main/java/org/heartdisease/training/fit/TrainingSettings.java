package org.heartdisease.training.fit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one training run reads and how it evaluates: the part of the {@code --train} options that
 * fitting needs (where the files go is the command's business).
 *
 * @param dataset the path or URL of the training data
 * @param datasetSha256 the SHA-256 the data must have, or {@code null}
 * @param format the data's layout, or {@code null} to detect it
 * @param label the label column of csv data, or {@code null}
 * @param positive the label values of csv data that mean disease
 * @param negative the label values of csv data that mean no disease; when empty, every value not in
 * {@code positive} means no disease
 * @param missing per field name, the values that mark a missing value besides {@code ?} and an empty
 * cell, in field order
 * @param testSize the share of rows held out for validation
 * @param seed the seed of the split and the folds
 * @param folds the number of cross-validation folds, or {@link #LEAVE_ONE_OUT}
 * @param tag the suffix of the artifact's name, recorded in it
 */
public record TrainingSettings(String dataset, String datasetSha256, DatasetFormat format, String label,
		List<String> positive, List<String> negative, Map<String, List<String>> missing, double testSize, long seed,
		int folds, String tag) {

	/** The value of {@code folds} for leave-one-out: one fold per row. */
	public static final int LEAVE_ONE_OUT = 0;

	public TrainingSettings {
		positive = List.copyOf(positive);
		negative = List.copyOf(negative);
		Map<String, List<String>> markers = new LinkedHashMap<>();
		missing.forEach((field, values) -> markers.put(field, List.copyOf(values)));
		missing = Collections.unmodifiableMap(markers);
	}

	/** @return whether cross-validation leaves one row out at a time */
	public boolean leaveOneOut() {
		return this.folds == LEAVE_ONE_OUT;
	}

}
