package org.heartdisease.model;

/**
 * A model artifact that cannot be served: missing, unreadable, malformed or inconsistent.
 */
public class InvalidModelException extends RuntimeException {

	public InvalidModelException(String message) {
		super(message);
	}

	public InvalidModelException(String message, Throwable cause) {
		super(message, cause);
	}

}
