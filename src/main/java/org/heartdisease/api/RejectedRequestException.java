package org.heartdisease.api;

/**
 * A request refused before any prediction, carrying the problem to answer with.
 */
public class RejectedRequestException extends RuntimeException {

	private final transient Problem problem;

	public RejectedRequestException(Problem problem) {
		super(problem.detail(), null, false, false);
		this.problem = problem;
	}

	public Problem problem() {
		return this.problem;
	}

}
