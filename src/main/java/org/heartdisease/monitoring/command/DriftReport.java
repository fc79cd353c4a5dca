package org.heartdisease.monitoring.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heartdisease.batch.Manifest;
import org.heartdisease.monitoring.Drift;

/**
 * What {@code --drift} writes as JSON: per field the index, its band and the counts it was computed from,
 * served and training, so that a reader can check it.
 *
 * @param version the report's layout version
 * @param model the model compared with
 * @param inputs what was read
 * @param answers how many payloads the served counts hold (the largest field count)
 * @param moderate the moderate threshold
 * @param major the major threshold
 * @param overall the largest field's index
 * @param band its band
 * @param fields per field
 */
record DriftReport(int version, Manifest.Model model, List<String> inputs, long answers, double moderate, double major,
		Double overall, String band, Map<String, FieldReport> fields) {

	static final int VERSION = 1;

	/**
	 * @param psi the field's index, {@code null} when nothing was served
	 * @param band its band
	 * @param served the served counts per bin
	 * @param training the training counts per bin
	 */
	record FieldReport(Double psi, String band, Map<String, Long> served, Map<String, Long> training) {
	}

	static DriftReport of(Manifest.Model model, List<String> inputs, Drift drift, Drift.Thresholds thresholds,
			Map<String, Map<String, Long>> served, Map<String, Map<String, Long>> training) {
		Map<String, FieldReport> fields = new LinkedHashMap<>();
		drift.fields().forEach((field, psi) -> fields.put(field, new FieldReport(finite(psi),
				thresholds.band(psi).label(), served.getOrDefault(field, Map.of()), training.get(field))));
		return new DriftReport(VERSION, model, inputs, drift.answers(), thresholds.moderate(), thresholds.major(),
				finite(drift.overall()), thresholds.band(drift.overall()).label(), fields);
	}

	// JSON has no NaN: a field nothing was served of has no index.
	private static Double finite(double value) {
		return Double.isNaN(value) ? null : value;
	}

}
