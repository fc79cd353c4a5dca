package org.heartdisease.prediction;

import java.util.List;

/**
 * The model's answer for one payload.
 *
 * @param diagnosis {@code "heart-disease"} or {@code "clear"}
 * @param probability the probability of heart disease, 0 to 1
 * @param imputed the fields that were missing and were filled in from the training data
 * @param model the artifact that answered
 * @param explanation the log-odds split by field
 */
public record Diagnosis(String diagnosis, double probability, List<String> imputed, ModelVersion model,
		Explanation explanation) {

	/**
	 * Which model answered.
	 * @param name the artifact's name, {@code heart-disease} plus its tag
	 * @param trainedAt when it was trained, ISO-8601 UTC
	 */
	public record ModelVersion(String name, String trainedAt) {
	}

}
