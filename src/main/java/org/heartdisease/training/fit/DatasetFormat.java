package org.heartdisease.training.fit;

import org.heartdisease.model.ModelArtifact;

/**
 * The two layouts of training data: the raw UCI file and a headered CSV such as Kaggle's.
 */
public enum DatasetFormat {

	/** No header, the 13 fields then {@code num} in UCI order, {@code ?} for missing values. */
	UCI(ModelArtifact.Dataset.UCI_FORMAT),

	/** A header row naming the 13 fields and a label column, in any order. */
	CSV(ModelArtifact.Dataset.CSV_FORMAT);

	private final String id;

	DatasetFormat(String id) {
		this.id = id;
	}

	/** @return the name used on the command line and in the artifact */
	public String id() {
		return this.id;
	}

	/**
	 * @param id a format as an artifact records it ({@code dataset.format})
	 * @return whether it names this format
	 */
	public boolean is(String id) {
		return id().equals(id);
	}

	/**
	 * @param id {@code uci} or {@code csv}
	 * @return the format
	 * @throws IllegalArgumentException for anything else
	 */
	public static DatasetFormat of(String id) {
		for (DatasetFormat format : values()) {
			if (format.id().equals(id)) {
				return format;
			}
		}
		throw new IllegalArgumentException("'" + id + "' is not a data format (" + UCI.id() + " or " + CSV.id() + ")");
	}

	/**
	 * Guesses the format from the first line: a header has letters, a UCI data line has none.
	 * @param firstLine the first line of the file
	 * @return {@link #CSV} when the line holds a letter, else {@link #UCI}
	 */
	public static DatasetFormat detect(String firstLine) {
		return firstLine.chars().anyMatch(Character::isLetter) ? CSV : UCI;
	}

}
