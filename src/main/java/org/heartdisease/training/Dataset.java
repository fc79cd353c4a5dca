package org.heartdisease.training;

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
 */
public record Dataset(String source, String sha256, DatasetFormat format, String label, List<String> positiveValues,
		List<double[]> rows, boolean[] labels, Map<String, Integer> missing) {

	public Dataset {
		if (rows.size() != labels.length) {
			throw new IllegalArgumentException(rows.size() + " rows but " + labels.length + " labels");
		}
		positiveValues = List.copyOf(positiveValues);
		rows = List.copyOf(rows);
		labels = labels.clone();
		missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
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
				subsetLabels, this.missing);
	}

}
