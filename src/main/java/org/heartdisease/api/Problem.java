package org.heartdisease.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.heartdisease.prediction.FieldError;

import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem-details body ({@code application/problem+json}), the one error shape of every
 * surface; {@code errors} names each offending field.
 *
 * @param type always {@code about:blank}: the status says what kind of problem it is
 * @param title the status's reason phrase
 * @param status the HTTP status
 * @param detail what went wrong, for a person
 * @param errors the offending fields, for a 400 about payload content
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

	/** The most field errors one problem lists. */
	public static final int MAX_LISTED_ERRORS = 50;

	/** The longest client text echoed in a problem. */
	public static final int MAX_ECHOED = 64;

	/** The media type of a problem body. */
	public static final String MEDIA_TYPE = "application/problem+json";

	public static Problem of(int status, String detail) {
		return new Problem("about:blank", reason(status), status, detail, List.of());
	}

	/**
	 * @param detail what is wrong
	 * @param errors every offending field; only the first {@value #MAX_LISTED_ERRORS} are listed, so
	 * that a bad batch cannot make an answer many times the size of its request
	 * @return a 400 problem
	 */
	public static Problem invalid(String detail, List<FieldError> errors) {
		if (errors.size() <= MAX_LISTED_ERRORS) {
			return new Problem("about:blank", reason(400), 400, detail, List.copyOf(errors));
		}
		return new Problem("about:blank", reason(400), 400, detail + " Only the first " + MAX_LISTED_ERRORS + " of "
				+ errors.size() + " errors are listed.", List.copyOf(errors.subList(0, MAX_LISTED_ERRORS)));
	}

	/**
	 * @param text a client's text (a field name, a path, a media type) to be echoed in a problem
	 * @return the text, no longer than {@value #MAX_ECHOED} characters: an answer never grows with a
	 * client's input
	 */
	public static String echoed(String text) {
		return (text.length() <= MAX_ECHOED) ? text : text.substring(0, MAX_ECHOED) + "…";
	}

	// Spring's own reason phrases (RFC 9110's), not a second list of them.
	private static String reason(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

}
