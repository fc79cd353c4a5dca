package org.heartdisease.monitoring;

/**
 * What one answer was, as every metric names it: a diagnosis, or the kind of problem a request got.
 * A status the API does not answer with counts as the nearest kind by its class (4xx {@code invalid},
 * 5xx {@code error}), so that no answer goes uncounted.
 */
public enum Outcome {

	/** A diagnosis of heart disease. */
	HEART_DISEASE("heart-disease"),

	/** A diagnosis of no heart disease. */
	CLEAR("clear"),

	/** {@code 400}: a payload or body the API refused, naming its fields. */
	INVALID("invalid"),

	/** {@code 404}: no route at the path. */
	NOT_FOUND("not-found"),

	/** {@code 405}: a route asked with a method it does not answer. */
	METHOD_NOT_ALLOWED("method-not-allowed"),

	/** {@code 413}: a body over the limit. */
	TOO_LARGE("too-large"),

	/** {@code 415}: not {@code application/json}. */
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type"),

	/** {@code 5xx}: the request could not be answered. */
	ERROR("error");

	private static final Outcome[] ALL = values();

	private final String label;

	Outcome(String label) {
		this.label = label;
	}

	/** @return the name metrics and log entries give it */
	public String label() {
		return this.label;
	}

	/** @return whether it is a diagnosis, not a problem */
	public boolean isDiagnosis() {
		return this == HEART_DISEASE || this == CLEAR;
	}

	/** @return whether the service failed ({@code 5xx}), which alarms count, unlike a refused request */
	public boolean isError() {
		return this == ERROR;
	}

	/** @return every outcome, in declaration order (shared: callers must not change it) */
	static Outcome[] all() {
		return ALL;
	}

	/**
	 * @param positive whether the diagnosis is the model's positive label
	 * @return its outcome
	 */
	public static Outcome ofDiagnosis(boolean positive) {
		return positive ? HEART_DISEASE : CLEAR;
	}

	/**
	 * @param status a problem's HTTP status
	 * @return its kind
	 */
	public static Outcome ofStatus(int status) {
		return switch (status) {
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 413 -> TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			default -> (status >= 500) ? ERROR : INVALID;
		};
	}

}
