package org.heartdisease.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.heartdisease.api.PredictionExchange;

import org.springframework.web.HttpRequestHandler;

/**
 * The local HTTP surface: every request is given to the shared {@link PredictionExchange}, whatever its
 * method, and its answer written back as it is; all but Actuator's health endpoint, which Spring MVC
 * serves under {@code /actuator} ({@link LocalConfiguration}).
 *
 * <p>A plain servlet rather than a Spring MVC controller: the exchange routes, reads and writes everything
 * itself, so MVC's handler mappings, argument resolvers and message converters (and the reactor adapters
 * they load) would only cost every start. It is also the handler MVC falls back on for the paths under
 * {@code /actuator} that no endpoint takes, so that those get the exchange's answer like any other path.
 */
class ExchangeServlet extends HttpServlet implements HttpRequestHandler {

	private final transient PredictionExchange exchange;

	ExchangeServlet(PredictionExchange exchange) {
		this.exchange = exchange;
	}

	// service, not doGet and the rest: HttpServlet would answer OPTIONS, HEAD and TRACE itself.
	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// The path as sent (not decoded, not normalised): the exchange matches it exactly.
		PredictionExchange.Answer answer = this.exchange.answer(new PredictionExchange.Call(request.getMethod(),
				request.getRequestURI(), request.getContentType(), request.getContentLengthLong(),
				request.getInputStream(), request.getHeader("Accept"), request.getHeader("If-None-Match")));
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

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		service(request, response);
	}

}
