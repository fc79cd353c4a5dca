package org.heartdisease.prediction;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A payload the model must not score, with every reason at once.
 */
public class InvalidPayloadException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidPayloadException(List<FieldError> errors) {
		super(describe(errors));
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	private static String describe(List<FieldError> errors) {
		return errors.stream()
			.map((error) -> ((error.index() != null) ? "[" + error.index() + "]." : "")
					+ ((error.field() != null) ? error.field() + ": " : "") + error.message())
			.collect(Collectors.joining("; "));
	}

}
