package org.heartdisease.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.heartdisease.api.PayloadReader;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.api.Problem;
import org.heartdisease.api.RejectedRequestException;
import org.heartdisease.api.RequestLimits;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The local surface's gate in front of spring-cloud-function-web: only {@code POST /predict} (and
 * {@code POST /}) reach the function, and only with a JSON body that the shared
 * {@link PredictionExchange} accepts; everything else gets its problem answer here, so the
 * function never sees a request it would have to fail. A single payload reaches {@code predict}
 * through spring-cloud-function-web; a batch is answered here, see below.
 */
class PredictionRequestFilter extends OncePerRequestFilter {

	private final PredictionExchange exchange;

	private final RequestLimits limits;

	PredictionRequestFilter(PredictionExchange exchange, RequestLimits limits) {
		this.exchange = exchange;
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = path(request);
		// Health is Actuator's, the API description springdoc's; every other path would reach the
		// function controller, which maps /**.
		return path.equals("/actuator/health") || path.startsWith("/actuator/health/") || path.equals("/v3/api-docs")
				|| path.equals("/v3/api-docs.yaml");
	}

	/**
	 * The path the dispatcher routes on: decoded and normalised by the container (no {@code ..},
	 * {@code ;} parameters or {@code %2e}), so that no spelling of a path slips past the gate.
	 */
	private static String path(HttpServletRequest request) {
		String pathInfo = request.getPathInfo();
		return request.getServletPath() + ((pathInfo != null) ? pathInfo : "");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = path(request);
		if (path.equals("/model")) {
			if (request.getMethod().equals("GET")) {
				write(response, this.exchange.describe());
			}
			else {
				response.setHeader("Allow", "GET");
				write(response, Problem.of(405, "Use GET to read the model's description."));
			}
			return;
		}
		if (!path.equals("/") && !path.equals("/predict")) {
			write(response, Problem.of(404, "There is nothing at " + shortened(path)
					+ "; POST a payload to /predict, or GET /model."));
			return;
		}
		if (!request.getMethod().equals("POST")) {
			response.setHeader("Allow", "POST");
			write(response, Problem.of(405, "Use POST with an application/json payload."));
			return;
		}
		PayloadReader.Request accepted;
		try {
			// The content type is checked before the body is read: a 415 needs no body.
			PredictionExchange.requireJson(request.getContentType());
			accepted = this.exchange.accept(request.getContentType(), readBody(request));
		}
		catch (RejectedRequestException ex) {
			write(response, ex.problem());
			return;
		}
		if (accepted.batch()) {
			// spring-cloud-function-web 4.3 calls the function once per array item and drops, with a
			// log line, every item whose call fails: a batch is answered whole by the exchange instead.
			write(response, this.exchange.answer(accepted));
			return;
		}
		// The function gets the payload the exchange validated, as canonical JSON: its own reading of
		// the client's bytes can never differ from what was checked.
		byte[] canonical = this.exchange.write(accepted.payloads().get(0));
		chain.doFilter(new CachedBodyRequest(request, canonical), response);
	}

	private static String shortened(String path) {
		return (path.length() <= 64) ? path : path.substring(0, 64) + "…";
	}

	// Refuses a declared or actual body over the limit without reading more than the limit.
	private byte[] readBody(HttpServletRequest request) throws IOException {
		int max = this.limits.maxBodyBytes();
		if (request.getContentLengthLong() > max) {
			throw this.limits.bodyTooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(max + 1);
			if (body.length > max) {
				throw this.limits.bodyTooLarge();
			}
			return body;
		}
	}

	private void write(HttpServletResponse response, Problem problem) throws IOException {
		write(response, this.exchange.reply(problem));
	}

	private void write(HttpServletResponse response, PredictionExchange.Reply reply) throws IOException {
		response.setStatus(reply.status());
		response.setContentType(reply.contentType());
		response.setContentLength(reply.body().length);
		response.getOutputStream().write(reply.body());
	}

	/**
	 * The request with the body the function controller is to read (the canonical payload), and with
	 * only its content headers: spring-cloud-function-web copies request headers into the response,
	 * and a client's Authorization or Cookie header must never come back out.
	 */
	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private static final Set<String> PASSED_HEADERS = Set.of("content-type", "content-length");

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			return Collections.enumeration(
					Collections.list(super.getHeaderNames()).stream().filter(CachedBodyRequest::passes).toList());
		}

		@Override
		public String getHeader(String name) {
			if (name.equalsIgnoreCase("content-length")) {
				return String.valueOf(this.body.length);
			}
			return passes(name) ? super.getHeader(name) : null;
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			String value = getHeader(name);
			return (value != null) ? Collections.enumeration(List.of(value)) : Collections.emptyEnumeration();
		}

		private static boolean passes(String name) {
			return PASSED_HEADERS.contains(name.toLowerCase(Locale.ROOT));
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous reads only");
				}

			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
