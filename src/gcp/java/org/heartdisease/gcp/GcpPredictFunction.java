package org.heartdisease.gcp;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.api.Problem;
import org.heartdisease.api.RequestLimits;

import org.springframework.cloud.function.adapter.gcp.FunctionInvoker;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;

/**
 * {@code predict} as spring-cloud-function-adapter-gcp serves it: the adapter's message (the request
 * body's reader and the HTTP request headers) in, through the shared {@link PredictionExchange}, and a
 * message out whose headers are exactly the HTTP headers to send. Never throws: the adapter would
 * answer an empty 500.
 *
 * <p>The adapter writes the body before it sets the status, so an error body larger than the
 * invoker's response buffer would go out as a 200; see {@link #fitted}.
 */
final class GcpPredictFunction implements Function<Message<Reader>, Message<byte[]>> {

	/** The function's name, the bean's and the one {@code function.name} exports. */
	static final String NAME = "gcpPredict";

	/** The largest error body sent whole: half of Jetty's 32 KiB buffer, whose filling commits a 200. */
	static final int MAX_PROBLEM_BYTES = 16 * 1024;

	private static final Log logger = LogFactory.getLog(GcpPredictFunction.class);

	private final PredictionExchange exchange;

	private final RequestLimits limits;

	GcpPredictFunction(PredictionExchange exchange, RequestLimits limits) {
		this.exchange = exchange;
		this.limits = limits;
	}

	@Override
	public Message<byte[]> apply(Message<Reader> request) {
		PredictionExchange.Reply reply;
		try {
			if (PredictionExchange.DESCRIBE.equals(header(request.getHeaders(), PredictionExchange.ROUTING_HEADER))) {
				reply = this.exchange.describe();
			}
			else {
				reply = this.exchange.handle(header(request.getHeaders(), "Content-Type"), read(request.getPayload()));
			}
		}
		catch (IOException ex) {
			logger.info("The request body could not be read: " + ex.getMessage());
			reply = this.exchange.reply(Problem.of(400, "The body could not be read."));
		}
		catch (RuntimeException ex) {
			logger.error("The request could not be handled", ex);
			reply = this.exchange.reply(Problem.of(500, "The request could not be handled; the server log has the details."));
		}
		reply = fitted(reply, this.exchange);
		return new GenericMessage<>(reply.body(), new ResponseHeaders(reply));
	}

	/**
	 * A safety net: the shared exchange keeps problems far below the limit (at most
	 * {@value Problem#MAX_LISTED_ERRORS} errors, echoed names shortened), but should one still be
	 * larger, the client gets its status with a short detail rather than a 200.
	 */
	static PredictionExchange.Reply fitted(PredictionExchange.Reply reply, PredictionExchange exchange) {
		if (reply.status() == 200 || reply.body().length <= MAX_PROBLEM_BYTES) {
			return reply;
		}
		return exchange.reply(Problem.of(reply.status(), "The error is too long to send."));
	}

	/**
	 * The body as UTF-8 bytes, and no more than one character past the limit, so that the exchange
	 * answers 413 without the whole of a large body in memory. The invoker decodes an
	 * {@code application/json} body as UTF-8 (any other content type is refused before its body
	 * matters), so re-encoding gives the bytes the client sent.
	 */
	private byte[] read(Reader reader) throws IOException {
		if (reader == null) {
			return new byte[0];
		}
		int max = this.limits.maxBodyBytes();
		StringBuilder body = new StringBuilder();
		char[] buffer = new char[8192];
		int count;
		while (body.length() <= max
				&& (count = reader.read(buffer, 0, Math.min(buffer.length, max + 1 - body.length()))) != -1) {
			body.append(buffer, 0, count);
		}
		return body.toString().getBytes(StandardCharsets.UTF_8);
	}

	// The adapter copies the HTTP headers as the invoker gives them: any case, each a list of values.
	private static String header(MessageHeaders headers, String name) {
		for (Map.Entry<String, Object> header : headers.entrySet()) {
			if (header.getKey().equalsIgnoreCase(name)) {
				Object value = header.getValue();
				if (value instanceof Collection<?> values) {
					return values.isEmpty() ? null : String.valueOf(values.iterator().next());
				}
				return (value != null) ? value.toString() : null;
			}
		}
		return null;
	}

	/**
	 * The reply's headers, shaped for the adapter, which sets the response's content type from
	 * {@code contentType}, writes the body through the invoker's (Jetty's) writer, appends every
	 * entry as a response header, and only then sets the status from {@code statusCode}.
	 * <ul>
	 * <li>Iterated, they are exactly the HTTP headers to send: the real {@code Content-Type}; no
	 * {@code id}, {@code timestamp}, {@code contentType} or {@code statusCode}.</li>
	 * <li>Looked up, {@code statusCode} is the status, and {@code contentType} is
	 * {@code application/json} whatever the reply: the one type for which Jetty's writer encodes UTF-8
	 * without adding a charset of its own. For {@code application/problem+json} it would encode
	 * ISO-8859-1 and send {@code ;charset=iso-8859-1}; the {@code Content-Type} entry then sets the
	 * reply's own type on the response.</li>
	 * </ul>
	 */
	static final class ResponseHeaders extends MessageHeaders {

		private final int status;

		ResponseHeaders(PredictionExchange.Reply reply) {
			super(Map.of("Content-Type", reply.contentType()), ID_VALUE_NONE, -1L);
			this.status = reply.status();
		}

		@Override
		public Object get(Object key) {
			if (FunctionInvoker.HTTP_STATUS_CODE.equals(key)) {
				return this.status;
			}
			if (CONTENT_TYPE.equals(key)) {
				return PredictionExchange.JSON;
			}
			return super.get(key);
		}

		@Override
		public boolean containsKey(Object key) {
			return FunctionInvoker.HTTP_STATUS_CODE.equals(key) || CONTENT_TYPE.equals(key) || super.containsKey(key);
		}

	}

}
