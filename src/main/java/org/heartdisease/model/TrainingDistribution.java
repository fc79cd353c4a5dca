package org.heartdisease.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the model was trained on, field by field, as the artifact records it: for a numeric field the
 * edges of its quantile bins and the training rows in each, for a categorical field the rows per
 * category, and for every field its missing values. What served payloads are compared with to see the
 * population drift ({@link #psi}); counts only, so that served counts from many instances add up.
 *
 * @param numericBins how many quantile bins a numeric field was cut into (fewer where values tie)
 * @param fields per field name
 */
public record TrainingDistribution(int numericBins, Map<String, FieldDistribution> fields) {

	/** The bins a numeric field is cut into: deciles. */
	public static final int DEFAULT_NUMERIC_BINS = 10;

	/** The share an empty bin counts as in {@link #psi}, so that its logarithm is finite. */
	static final double EMPTY_SHARE = 1e-4;

	public TrainingDistribution {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/**
	 * One field's training distribution.
	 * @param edges a numeric field's bin edges, ascending: bin {@code i} holds the values below
	 * {@code edges[i]} and at or above {@code edges[i-1]}; empty for a categorical field
	 * @param counts a numeric field's training rows per bin, one more than {@code edges}
	 * @param categories a categorical field's training rows per category code
	 * @param min the smallest training value, below which a served value is out of range; {@code null}
	 * when training had no value
	 * @param max the largest training value, above which a served value is out of range
	 * @param missing the training rows without a value
	 */
	public record FieldDistribution(List<Double> edges, List<Long> counts, Map<String, Long> categories, Double min,
			Double max, long missing) {

		public FieldDistribution {
			edges = (edges != null) ? List.copyOf(edges) : List.of();
			counts = (counts != null) ? List.copyOf(counts) : List.of();
			categories = Collections.unmodifiableSortedMap((categories != null) ? new TreeMap<>(categories) : new TreeMap<>());
		}

		/**
		 * @param value a served value
		 * @return the bin (numeric) or category (categorical) it falls in, as the metrics name it: the bin
		 * index, the category code, {@code missing}, or {@code out-of-range} (outside the training range,
		 * or a category training never saw)
		 */
		public String binOf(Double value) {
			if (value == null || value.isNaN()) {
				return "missing";
			}
			if (this.min == null || value < this.min || value > this.max) {
				return "out-of-range";
			}
			if (this.edges.isEmpty() && !this.categories.isEmpty()) {
				String code = code(value);
				return this.categories.containsKey(code) ? code : "out-of-range";
			}
			return String.valueOf(bin(value));
		}

		int bin(double value) {
			int bin = 0;
			while (bin < this.edges.size() && value >= this.edges.get(bin)) {
				bin++;
			}
			return bin;
		}

		/** @return the training counts by the names {@link #binOf} gives, missing included */
		public Map<String, Long> expected() {
			Map<String, Long> expected = new LinkedHashMap<>();
			if (this.edges.isEmpty() && !this.categories.isEmpty()) {
				expected.putAll(this.categories);
			}
			else {
				for (int i = 0; i < this.counts.size(); i++) {
					expected.put(String.valueOf(i), this.counts.get(i));
				}
			}
			expected.put("missing", this.missing);
			expected.put("out-of-range", 0L);
			return expected;
		}

	}

	/**
	 * @param rows training rows, 13 values in {@link Field} order, NaN where missing
	 * @param numericBins how many quantile bins a numeric field is cut into
	 * @return their distribution
	 */
	public static TrainingDistribution of(List<double[]> rows, int numericBins) {
		Map<String, FieldDistribution> fields = new LinkedHashMap<>();
		for (Field field : Field.all()) {
			double[] values = rows.stream()
				.mapToDouble((row) -> row[field.ordinal()])
				.filter((value) -> !Double.isNaN(value))
				.sorted()
				.toArray();
			long missing = rows.size() - values.length;
			Double min = (values.length > 0) ? values[0] : null;
			Double max = (values.length > 0) ? values[values.length - 1] : null;
			if (field.isCategorical()) {
				Map<String, Long> categories = new TreeMap<>();
				for (double value : values) {
					categories.merge(code(value), 1L, Long::sum);
				}
				fields.put(field.jsonName(), new FieldDistribution(List.of(), List.of(), categories, min, max, missing));
			}
			else {
				List<Double> edges = edges(values, numericBins);
				FieldDistribution shape = new FieldDistribution(edges, List.of(), Map.of(), min, max, missing);
				long[] counts = new long[edges.size() + 1];
				for (double value : values) {
					counts[shape.bin(value)]++;
				}
				fields.put(field.jsonName(), new FieldDistribution(edges, Arrays.stream(counts).boxed().toList(),
						Map.of(), min, max, missing));
			}
		}
		return new TrainingDistribution(numericBins, fields);
	}

	// The interior quantile cut points (the value at each k/bins of the sorted values), without repeats:
	// where many rows share a value (oldpeak 0), bins merge rather than hold nothing.
	private static List<Double> edges(double[] sorted, int bins) {
		List<Double> edges = new ArrayList<>();
		for (int k = 1; k < bins && sorted.length > 0; k++) {
			double edge = sorted[(int) Math.floor((double) k * sorted.length / bins)];
			if (edge > sorted[0] && (edges.isEmpty() || edge > edges.get(edges.size() - 1))) {
				edges.add(edge);
			}
		}
		return edges;
	}

	static String code(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.valueOf(value);
	}

	/**
	 * The population stability index between two distributions over the same bins: the sum over bins of
	 * (actual share − expected share) × ln(actual share / expected share), an empty bin counted as
	 * {@value #EMPTY_SHARE}. About 0 for the same population; by the usual reading, below 0.1 stable,
	 * 0.1 to 0.25 a moderate shift, above 0.25 a major one.
	 * @param expected counts per bin (training)
	 * @param actual counts per bin (served), over the same bin names; a bin absent from one counts 0
	 * @return the index, or NaN when either side has no counts at all
	 */
	public static double psi(Map<String, Long> expected, Map<String, Long> actual) {
		double expectedTotal = expected.values().stream().mapToLong(Long::longValue).sum();
		double actualTotal = actual.values().stream().mapToLong(Long::longValue).sum();
		if (expectedTotal == 0 || actualTotal == 0) {
			return Double.NaN;
		}
		Set<String> bins = new LinkedHashSet<>(expected.keySet());
		bins.addAll(actual.keySet());
		double psi = 0;
		for (String bin : bins) {
			double e = Math.max(expected.getOrDefault(bin, 0L) / expectedTotal, EMPTY_SHARE);
			double a = Math.max(actual.getOrDefault(bin, 0L) / actualTotal, EMPTY_SHARE);
			psi += (a - e) * Math.log(a / e);
		}
		return psi;
	}

}
