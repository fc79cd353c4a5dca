package org.heartdisease.batch;

/**
 * A file that cannot be scored at all (not UTF-8 text, binary, over the size limit, no header the
 * scorer recognises, malformed CSV), with one message that names the file and the line. Nothing is
 * left under the output's final name.
 */
public class UnreadableFileException extends RuntimeException {

	private final String kind;

	/**
	 * @param file the file's name or key
	 * @param line the line where reading stopped, 1-based; 0 when no line applies
	 * @param kind a short, fixed name for the failure, for the manifest and metrics (never the content)
	 * @param what what is wrong, completing "FILE line N: ..."
	 */
	public UnreadableFileException(String file, long line, String kind, String what) {
		super(file + ((line > 0) ? " line " + line : "") + ": " + what);
		this.kind = kind;
	}

	/** @return the failure's fixed name, such as {@code encoding} or {@code too-large} */
	public String kind() {
		return this.kind;
	}

}
