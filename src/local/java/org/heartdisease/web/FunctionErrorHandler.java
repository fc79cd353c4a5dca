package org.heartdisease.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.api.Problem;
import org.heartdisease.prediction.ConditionalOnServing;
import org.heartdisease.prediction.InvalidPayloadException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.cloud.function.web.mvc.FunctionController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers with a problem body whatever escapes the function controller: the same 400 a surface
 * gives for an invalid payload, and a 500 without internals for anything else. Scoped to that
 * controller: Spring MVC's own client errors elsewhere (405, 406) keep their status.
 */
@RestControllerAdvice(assignableTypes = FunctionController.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnServing
class FunctionErrorHandler {

	private static final Log logger = LogFactory.getLog(FunctionErrorHandler.class);

	private final PredictionExchange exchange;

	FunctionErrorHandler(PredictionExchange exchange) {
		this.exchange = exchange;
	}

	@ExceptionHandler(InvalidPayloadException.class)
	ResponseEntity<byte[]> invalidPayload(InvalidPayloadException ex) {
		return answer(Problem.invalid(ex.getMessage(), ex.errors()));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<byte[]> unexpected(Exception ex) {
		logger.error("Prediction failed", ex);
		return answer(Problem.of(500, "The prediction failed; the server log has the details."));
	}

	private ResponseEntity<byte[]> answer(Problem problem) {
		PredictionExchange.Reply reply = this.exchange.reply(problem);
		return ResponseEntity.status(reply.status())
			.contentType(MediaType.parseMediaType(reply.contentType()))
			.body(reply.body());
	}

}
