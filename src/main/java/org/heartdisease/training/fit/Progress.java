package org.heartdisease.training.fit;

/**
 * Hears how far a long training step has come, such as the cross-validation folds.
 */
@FunctionalInterface
public interface Progress {

	/** Hears nothing. */
	Progress NONE = (step, done, total) -> {
	};

	/**
	 * @param step what is being done, for example {@code "Cross-validation"}
	 * @param done how many units are finished, from 1 to {@code total}
	 * @param total how many units the step has
	 */
	void update(String step, int done, int total);

	/**
	 * Hears something the user should know that does not stop the run, such as data that looks
	 * like a file with a known quirk; ignored by default.
	 * @param message one sentence
	 */
	default void warning(String message) {
	}

}
