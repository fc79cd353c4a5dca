package org.heartdisease.monitoring;

import java.util.Map;

/**
 * The population stability index of each field between training and what was served, and overall: the
 * largest field's, so that one field drifting is enough to raise it.
 *
 * @param fields each field's index by JSON name, NaN for a field nothing was served of
 * @param answers how many answers the served counts hold
 */
public record Drift(Map<String, Double> fields, long answers) {

	/** @return the largest field index, NaN when no field has one */
	public double overall() {
		return this.fields.values().stream().filter((psi) -> !psi.isNaN()).mapToDouble(Double::doubleValue).max()
			.orElse(Double.NaN);
	}

	/**
	 * How far a population moved, by an index's usual reading.
	 */
	public enum Band {

		/** Below the moderate threshold: the served patients look like the training ones. */
		STABLE("stable"),

		/** At or above the moderate threshold: worth a look. */
		MODERATE("moderate"),

		/** At or above the major threshold: the model is answering patients unlike those it learnt from. */
		MAJOR("major"),

		/** Nothing served yet, or too little to judge. */
		UNKNOWN("unknown");

		private final String label;

		Band(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/**
	 * Where an index lies.
	 * @param moderate the index at which a shift counts as moderate (usually 0.1)
	 * @param major the index at which it counts as major (usually 0.25)
	 */
	public record Thresholds(double moderate, double major) {

		/** The usual bands: below 0.1 stable, 0.1 to 0.25 moderate, 0.25 and above major. */
		public static final Thresholds USUAL = new Thresholds(0.1, 0.25);

		public Thresholds {
			if (!(moderate > 0 && major > moderate)) {
				throw new IllegalArgumentException(
						"Drift thresholds need 0 < moderate < major, not moderate " + moderate + " and major " + major);
			}
		}

		public Band band(double psi) {
			if (Double.isNaN(psi)) {
				return Band.UNKNOWN;
			}
			return (psi >= this.major) ? Band.MAJOR : (psi >= this.moderate) ? Band.MODERATE : Band.STABLE;
		}

	}

}
