package org.heartdisease.prediction;

import org.heartdisease.model.InvalidModelException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a model that cannot be served into Spring Boot's short "APPLICATION FAILED TO START"
 * report instead of a stack trace.
 */
class InvalidModelFailureAnalyzer extends AbstractFailureAnalyzer<InvalidModelException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidModelException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Point heart.model.location at a valid artifact (classpath:, file: or https:), "
						+ "or train one with --train. The application never serves without a valid model.",
				cause);
	}

}
