package org.heartdisease.batch;

import java.util.Locale;

/**
 * The layouts a batch file may have; the output has the input's.
 */
public enum BatchFormat {

	/** CSV with a header naming the 13 fields in any order; other columns are carried through. */
	CSV("text/csv"),

	/** The UCI {@code processed.*.data} layout: no header, the 13 fields in UCI order, then {@code num} or nothing. */
	UCI("text/csv"),

	/** JSON Lines: one payload object per line; other members are carried through. */
	JSONL("application/x-ndjson");

	private final String mediaType;

	BatchFormat(String mediaType) {
		this.mediaType = mediaType;
	}

	/** @return the media type of a file in this layout, for the object written to a cloud store */
	public String mediaType() {
		return this.mediaType;
	}

	/**
	 * @param name the file's name or key
	 * @return the layout its extension names, or {@code null} when it names none ({@link #sniff} then decides)
	 */
	public static BatchFormat byName(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".csv")) {
			return CSV;
		}
		if (lower.endsWith(".data")) {
			return UCI;
		}
		if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
			return JSONL;
		}
		return null;
	}

	/**
	 * @param firstLine the file's first line that is not blank
	 * @return JSON Lines when it starts an object, CSV when it holds a letter (a header), else the UCI layout
	 */
	public static BatchFormat sniff(String firstLine) {
		String line = firstLine.strip();
		if (line.startsWith("{")) {
			return JSONL;
		}
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (Character.isLetter(c) && c != 'e' && c != 'E') {
				return CSV;
			}
		}
		return UCI;
	}

}
