package org.heartdisease.prediction;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason a payload was refused.
 *
 * @param index the payload's position in a batch, {@code null} for a single payload
 * @param field the offending field's name, {@code null} when the problem is the payload as a whole
 * @param message what is wrong, for a person
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(Integer index, String field, String message) {

	public static FieldError of(String field, String message) {
		return new FieldError(null, field, message);
	}

	/** @return this error, placed at a batch index */
	public FieldError at(int index) {
		return new FieldError(index, this.field, this.message);
	}

}
