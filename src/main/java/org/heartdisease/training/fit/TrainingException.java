package org.heartdisease.training.fit;

/**
 * A training run that cannot go on, with a message fit to show the user as one line.
 */
public class TrainingException extends RuntimeException {

	public TrainingException(String message) {
		super(message);
	}

	public TrainingException(String message, Throwable cause) {
		super(message, cause);
	}

}
