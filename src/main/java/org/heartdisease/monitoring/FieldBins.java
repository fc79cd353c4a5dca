package org.heartdisease.monitoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heartdisease.model.Field;
import org.heartdisease.model.TrainingDistribution;
import org.heartdisease.model.TrainingDistribution.FieldDistribution;

/**
 * The training distribution's bins of every field laid end to end as numbered slots, so that one answer
 * is counted with a few array increments and no string: slot {@code offset(field) + i} is the field's
 * {@code i}-th bin name of {@link FieldDistribution#expected()} (its bins or codes, then {@code missing},
 * then {@code out-of-range}). {@link #slotOf} finds the bin {@link FieldDistribution#binOf} names,
 * without building its name.
 */
public final class FieldBins {

	private final TrainingDistribution distribution;

	private final FieldSlots[] fields;

	private final String[] fieldOfSlot;

	private final String[] binOfSlot;

	private FieldBins(TrainingDistribution distribution) {
		this.distribution = distribution;
		this.fields = new FieldSlots[Field.all().size()];
		List<String> fieldNames = new ArrayList<>();
		List<String> binNames = new ArrayList<>();
		for (Field field : Field.all()) {
			FieldDistribution training = distribution.fields().get(field.jsonName());
			if (training == null) {
				throw new IllegalArgumentException("The training distribution has no field " + field.jsonName());
			}
			List<String> bins = new ArrayList<>(training.expected().keySet());
			this.fields[field.ordinal()] = new FieldSlots(training, binNames.size(), bins);
			for (String bin : bins) {
				fieldNames.add(field.jsonName());
				binNames.add(bin);
			}
		}
		this.fieldOfSlot = fieldNames.toArray(String[]::new);
		this.binOfSlot = binNames.toArray(String[]::new);
	}

	/**
	 * @param distribution the artifact's training distribution
	 * @return its slots
	 */
	public static FieldBins of(TrainingDistribution distribution) {
		return new FieldBins(distribution);
	}

	/** @return the training distribution the slots are cut from */
	public TrainingDistribution distribution() {
		return this.distribution;
	}

	/** @return how many slots there are, over all fields */
	public int size() {
		return this.binOfSlot.length;
	}

	/** @return the field a slot belongs to, by its JSON name */
	public String field(int slot) {
		return this.fieldOfSlot[slot];
	}

	/** @return a slot's bin, as {@link FieldDistribution#binOf} names it */
	public String bin(int slot) {
		return this.binOfSlot[slot];
	}

	/**
	 * @param field a field
	 * @param value its served value, {@code null} when missing
	 * @return the slot of the bin the value falls in
	 */
	public int slotOf(Field field, Double value) {
		return this.fields[field.ordinal()].slotOf(value);
	}

	/**
	 * @param counts served counts per slot
	 * @return them by field name and bin name, every bin of every field included
	 */
	public Map<String, Map<String, Long>> byField(long[] counts) {
		Map<String, Map<String, Long>> fields = new LinkedHashMap<>();
		for (int slot = 0; slot < this.binOfSlot.length; slot++) {
			fields.computeIfAbsent(this.fieldOfSlot[slot], (name) -> new LinkedHashMap<>())
				.put(this.binOfSlot[slot], counts[slot]);
		}
		return fields;
	}

	/**
	 * @param served served counts by field name and bin name, as {@link #byField} gives them
	 * @return the population stability index of each field against training, and overall
	 */
	public Drift drift(Map<String, Map<String, Long>> served) {
		Map<String, Double> psi = new LinkedHashMap<>();
		long answers = 0;
		for (Field field : Field.all()) {
			Map<String, Long> actual = served.getOrDefault(field.jsonName(), Map.of());
			answers = Math.max(answers, actual.values().stream().mapToLong(Long::longValue).sum());
			psi.put(field.jsonName(), TrainingDistribution.psi(this.fields[field.ordinal()].training.expected(), actual));
		}
		return new Drift(Collections.unmodifiableMap(psi), answers);
	}

	/** One field's slots: its bin edges or codes as primitives, so that finding a slot allocates nothing. */
	private static final class FieldSlots {

		private final FieldDistribution training;

		private final int offset;

		private final double[] edges;

		private final double[] codes;

		private final int missing;

		private final int outOfRange;

		private final double min;

		private final double max;

		FieldSlots(FieldDistribution training, int offset, List<String> bins) {
			this.training = training;
			this.offset = offset;
			this.edges = training.edges().stream().mapToDouble(Double::doubleValue).toArray();
			boolean categorical = training.edges().isEmpty() && !training.categories().isEmpty();
			this.codes = categorical ? training.categories().keySet().stream().mapToDouble(Double::parseDouble).toArray()
					: new double[0];
			this.missing = offset + bins.indexOf("missing");
			this.outOfRange = offset + bins.indexOf("out-of-range");
			this.min = (training.min() != null) ? training.min() : Double.NaN;
			this.max = (training.max() != null) ? training.max() : Double.NaN;
		}

		int slotOf(Double value) {
			if (value == null || value.isNaN()) {
				return this.missing;
			}
			double v = value;
			// NaN bounds (a field training never saw a value of) fail both tests: out of range.
			if (!(v >= this.min && v <= this.max)) {
				return this.outOfRange;
			}
			if (this.codes.length > 0) {
				for (int i = 0; i < this.codes.length; i++) {
					if (this.codes[i] == v) {
						return this.offset + i;
					}
				}
				return this.outOfRange;
			}
			int bin = 0;
			while (bin < this.edges.length && v >= this.edges[bin]) {
				bin++;
			}
			return this.offset + bin;
		}

	}

}
