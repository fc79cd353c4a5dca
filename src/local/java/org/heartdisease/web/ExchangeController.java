package org.heartdisease.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.prediction.ConditionalOnServing;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The local HTTP surface: every request that Actuator's health endpoint does not take (it is mapped
 * more specifically, so it wins) is handed to the shared {@link PredictionExchange}, and its answer
 * written back as it is.
 *
 * <p>A plain controller rather than spring-cloud-function-web: that controller converts the body with
 * its own JSON rules, calls the function once per array item and drops the items that fail, so it
 * could only sit behind a gate that parses the body first; here the body is read once, by the
 * exchange. Every method is mapped explicitly, or Spring MVC would answer {@code OPTIONS} itself.
 */
@Controller
@ConditionalOnServing
class ExchangeController {

	private final PredictionExchange exchange;

	ExchangeController(PredictionExchange exchange) {
		this.exchange = exchange;
	}

	@RequestMapping(path = "/**", method = { RequestMethod.GET, RequestMethod.HEAD, RequestMethod.POST,
			RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS })
	void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// The path as sent (not decoded, not normalised): the exchange matches it exactly.
		PredictionExchange.Answer answer = this.exchange.answer(new PredictionExchange.Call(request.getMethod(),
				request.getRequestURI(), request.getContentType(), request.getContentLengthLong(),
				request.getInputStream()));
		response.setStatus(answer.status());
		if (answer.contentType() != null) {
			response.setContentType(answer.contentType());
		}
		answer.headers().forEach(response::setHeader);
		if (answer.body().length > 0) {
			response.setContentLength(answer.body().length);
			response.getOutputStream().write(answer.body());
		}
	}

}
