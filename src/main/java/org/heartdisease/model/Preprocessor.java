package org.heartdisease.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The fitted preprocessing, as the artifact stores it: for each numeric field its median, mean and
 * scale, for each categorical field its codes and mode. {@link FeatureExtractor} turns a raw row
 * into feature columns with it, for training, evaluation and prediction alike.
 *
 * <p>Written by hand rather than taken from a library: it is a few lines of arithmetic, and it must
 * reproduce scikit-learn's imputers, scaler and encoder exactly (the reference predictions prove it).
 *
 * @param numeric the numeric fields, in {@link Field#numeric()} order
 * @param categorical the categorical fields, in {@link Field#categorical()} order
 */
public record Preprocessor(List<NumericFeature> numeric, List<CategoricalFeature> categorical) {

	public Preprocessor {
		numeric = List.copyOf(numeric);
		categorical = List.copyOf(categorical);
	}

	/**
	 * Fits imputation values, means, scales and categories to training rows.
	 * @param rows raw rows in {@link Field} order, NaN where missing
	 * @return the fitted preprocessor
	 */
	public static Preprocessor fit(List<double[]> rows) {
		if (rows.isEmpty()) {
			throw new IllegalArgumentException("cannot fit a preprocessor to no rows");
		}
		List<NumericFeature> numeric = new ArrayList<>();
		for (Field field : Field.numeric()) {
			numeric.add(fitNumeric(field, rows));
		}
		List<CategoricalFeature> categorical = new ArrayList<>();
		for (Field field : Field.categorical()) {
			categorical.add(fitCategorical(field, rows));
		}
		return new Preprocessor(numeric, categorical);
	}

	private static NumericFeature fitNumeric(Field field, List<double[]> rows) {
		double[] present = rows.stream().mapToDouble((row) -> row[field.ordinal()])
			.filter((value) -> !Double.isNaN(value)).sorted().toArray();
		if (present.length == 0) {
			throw new IllegalArgumentException("field '" + field.jsonName() + "' has no values");
		}
		int n = present.length;
		double median = (n % 2 == 1) ? present[n / 2] : (present[n / 2 - 1] + present[n / 2]) / 2;
		double[] imputed = rows.stream().mapToDouble((row) -> row[field.ordinal()])
			.map((value) -> Double.isNaN(value) ? median : value).toArray();
		double mean = Arrays.stream(imputed).sum() / imputed.length;
		double sumOfSquares = Arrays.stream(imputed).map((value) -> (value - mean) * (value - mean)).sum();
		double deviation = Math.sqrt(sumOfSquares / imputed.length);
		// scikit-learn leaves a constant column unscaled rather than dividing by zero.
		double scale = (deviation == 0) ? 1 : deviation;
		return new NumericFeature(field.jsonName(), median, mean, scale, present[0], present[n - 1],
				rows.size() - n);
	}

	private static CategoricalFeature fitCategorical(Field field, List<double[]> rows) {
		TreeMap<Integer, Integer> counts = new TreeMap<>();
		int missing = 0;
		for (double[] row : rows) {
			double value = row[field.ordinal()];
			if (Double.isNaN(value)) {
				missing++;
			}
			else if (value != Math.rint(value)) {
				throw new IllegalArgumentException("field '" + field.jsonName() + "' has a non-integer code " + value);
			}
			else {
				counts.merge((int) value, 1, Integer::sum);
			}
		}
		if (counts.isEmpty()) {
			throw new IllegalArgumentException("field '" + field.jsonName() + "' has no values");
		}
		// The TreeMap iterates codes in ascending order, so the first maximum is the smallest code.
		int mode = counts.entrySet().stream().reduce((a, b) -> (b.getValue() > a.getValue()) ? b : a)
			.orElseThrow().getKey();
		return new CategoricalFeature(field.jsonName(), new ArrayList<>(counts.keySet()), mode, missing);
	}

	/** @return how many feature columns {@link FeatureExtractor#extract} produces */
	public int columnCount() {
		return this.numeric.size() + this.categorical.stream().mapToInt((feature) -> feature.categories().size()).sum();
	}

	/** @return the column names: numeric field names, then {@code field=code} for each one-hot column */
	public List<String> columnNames() {
		List<String> names = new ArrayList<>();
		this.numeric.forEach((feature) -> names.add(feature.name()));
		this.categorical.forEach((feature) -> feature.categories()
			.forEach((code) -> names.add(feature.name() + "=" + code)));
		return names;
	}

}
