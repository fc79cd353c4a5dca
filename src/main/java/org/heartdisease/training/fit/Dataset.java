package org.heartdisease.training.fit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training rows read from one file, with their labels and where they came from.
 *
 * @param source the path or URL given to {@code --dataset}
 * @param sha256 the SHA-256 of the file's bytes
 * @param format the file's layout
 * @param label the label column
 * @param positiveValues the label values that mean disease
 * @param rows raw rows, 13 values in {@link org.heartdisease.model.Field} order, NaN where missing
 * @param labels whether each row has the disease
 * @param missing missing values per field name, in field order, fields with none left out
 * @param negativeValues the label values declared to mean no disease ({@code --negative}); empty when
 * every value not in {@code positiveValues} does
 * @param missingMarkers per field name, the values read as missing besides {@code ?} and an empty cell
 * @param labelValues how many rows hold each distinct label value, as written in the file
 * @param warnings what the user should know about the data, one sentence each, not fatal
 */
public record Dataset(String source, String sha256, DatasetFormat format, String label, List<String> positiveValues,
		List<double[]> rows, boolean[] labels, Map<String, Integer> missing, List<String> negativeValues,
		Map<String, List<String>> missingMarkers, Map<String, Integer> labelValues, List<String> warnings) {

	/** A dataset with no declared negatives, markers, label counts or warnings, as tests build them. */
	public Dataset(String source, String sha256, DatasetFormat format, String label, List<String> positiveValues,
			List<double[]> rows, boolean[] labels, Map<String, Integer> missing) {
		this(source, sha256, format, label, positiveValues, rows, labels, missing, List.of(), Map.of(), Map.of(),
				List.of());
	}

	public Dataset {
		if (rows.size() != labels.length) {
			throw new IllegalArgumentException(rows.size() + " rows but " + labels.length + " labels");
		}
		positiveValues = List.copyOf(positiveValues);
		rows = List.copyOf(rows);
		labels = labels.clone();
		missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
		negativeValues = List.copyOf(negativeValues);
		Map<String, List<String>> markers = new LinkedHashMap<>();
		missingMarkers.forEach((field, values) -> markers.put(field, List.copyOf(values)));
		missingMarkers = Collections.unmodifiableMap(markers);
		labelValues = Collections.unmodifiableMap(new LinkedHashMap<>(labelValues));
		warnings = List.copyOf(warnings);
	}

	@Override
	public boolean[] labels() {
		return this.labels.clone();
	}

	public int size() {
		return this.rows.size();
	}

	/** @return the number of rows with the disease */
	public int positives() {
		int count = 0;
		for (boolean label : this.labels) {
			count += label ? 1 : 0;
		}
		return count;
	}

	/** @return the number of rows without the disease */
	public int negatives() {
		return size() - positives();
	}

	/**
	 * @param indices row numbers, 0-based
	 * @return those rows, with the same provenance
	 */
	public Dataset subset(int[] indices) {
		List<double[]> subsetRows = new ArrayList<>(indices.length);
		boolean[] subsetLabels = new boolean[indices.length];
		for (int i = 0; i < indices.length; i++) {
			subsetRows.add(this.rows.get(indices[i]));
			subsetLabels[i] = this.labels[indices[i]];
		}
		return new Dataset(this.source, this.sha256, this.format, this.label, this.positiveValues, subsetRows,
				subsetLabels, this.missing, this.negativeValues, this.missingMarkers, this.labelValues, this.warnings);
	}

}
