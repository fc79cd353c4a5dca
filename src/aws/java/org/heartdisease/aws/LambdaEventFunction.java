package org.heartdisease.aws;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.api.Problem;

/**
 * Answers one raw Lambda event through the shared {@link PredictionExchange}: an HTTP event (API
 * Gateway REST v1 proxy, HTTP API v2, Function URL) gets an HTTP response object, anything else is a
 * direct invocation whose event is the JSON body itself and whose answer is the exchange's body.
 *
 * <p>The input is the event's {@link InputStream} so that adapter-aws 4.3.0 hands it over untouched:
 * for any other input type it logs the whole event (patient data included) at INFO, replaces the
 * event with its {@code payload} field when it has one, binds an undecodable or base64 body to an
 * all-null payload with status 200, and takes a status only from an Integer {@code statusCode}
 * message header. Here the status, Content-Type and body are written into the response object
 * directly, and nothing is ever thrown: Lambda would turn an exception into a gateway 502.
 */
class LambdaEventFunction implements Function<InputStream, byte[]> {

	private static final Log logger = LogFactory.getLog(LambdaEventFunction.class);

	private final PredictionExchange exchange;

	private final ObjectMapper mapper;

	LambdaEventFunction(PredictionExchange exchange, ObjectMapper mapper) {
		this.exchange = exchange;
		this.mapper = mapper;
	}

	@Override
	public byte[] apply(InputStream input) {
		byte[] event;
		try (input) {
			event = input.readAllBytes();
		}
		catch (IOException | RuntimeException ex) {
			logger.error("Cannot read the Lambda event", ex);
			return failed().body();
		}
		HttpEvent http = HttpEvent.of(readTree(event));
		if (http == null) {
			// A direct invocation: no HTTP, so the event is the body and JSON is implied.
			return this.exchange.handle(PredictionExchange.JSON, event).body();
		}
		try {
			return respond(answer(http), http);
		}
		catch (RuntimeException ex) {
			logger.error("Cannot answer the Lambda HTTP event", ex);
			return respond(failed(), http);
		}
	}

	private PredictionExchange.Reply answer(HttpEvent http) {
		if (PredictionExchange.DESCRIBE.equals(http.header(PredictionExchange.ROUTING_HEADER))
				|| ("GET".equalsIgnoreCase(http.method()) && http.path().endsWith("/model"))) {
			return this.exchange.describe();
		}
		if (!"POST".equalsIgnoreCase(http.method())) {
			return this.exchange.reply(Problem.of(405, "Use POST with an application/json payload."));
		}
		byte[] body;
		try {
			body = http.body();
		}
		catch (IllegalArgumentException ex) {
			return this.exchange.reply(Problem.of(400, "The body is marked base64-encoded but is not valid base64."));
		}
		return this.exchange.handle(http.header("Content-Type"), body);
	}

	// The response object API Gateway and Function URLs read: the same shape for payload v1 and v2.
	private byte[] respond(PredictionExchange.Reply reply, HttpEvent http) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", reply.contentType());
		if (reply.status() == 405) {
			headers.put("Allow", "POST");
		}
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("statusCode", reply.status());
		response.put("headers", headers);
		// The exchange writes UTF-8 JSON, so the string round-trips to the very same bytes.
		response.put("body", new String(reply.body(), StandardCharsets.UTF_8));
		response.put("isBase64Encoded", false);
		return this.exchange.write(response);
	}

	private PredictionExchange.Reply failed() {
		return this.exchange.reply(Problem.of(500, "The prediction failed; the server log has the details."));
	}

	private JsonNode readTree(byte[] event) {
		try {
			return this.mapper.readTree(event);
		}
		catch (IOException | RuntimeException ex) {
			return null; // not JSON: a direct invocation, which the exchange refuses with a 400
		}
	}

	/**
	 * The parts of an HTTP event that matter here.
	 * @param method the HTTP method
	 * @param path the request path
	 * @param headers the request headers (names as sent for v1, lower case for v2)
	 * @param text the body as the event carries it, {@code null} for none
	 * @param base64 whether {@code text} is base64
	 */
	private record HttpEvent(String method, String path, JsonNode headers, String text, boolean base64) {

		/** @return the HTTP event, or {@code null} for a direct invocation */
		static HttpEvent of(JsonNode event) {
			if (event == null || !event.isObject() || !event.path("requestContext").isObject()) {
				return null;
			}
			String method;
			String path;
			if (event.path("httpMethod").isTextual()) {
				method = event.get("httpMethod").asText(); // REST API (payload v1)
				path = event.path("path").asText("");
			}
			else if (event.path("version").asText().equals("2.0")
					&& event.path("requestContext").path("http").path("method").isTextual()) {
				method = event.get("requestContext").get("http").get("method").asText(); // HTTP API, Function URL
				path = event.path("rawPath").asText("");
			}
			else {
				return null;
			}
			JsonNode body = event.path("body");
			return new HttpEvent(method, path, event.path("headers"), body.isTextual() ? body.asText() : null,
					event.path("isBase64Encoded").asBoolean(false));
		}

		/** @return the header's value, whatever the case of its name; {@code null} for none */
		String header(String name) {
			for (Iterator<Map.Entry<String, JsonNode>> it = this.headers.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> header = it.next();
				if (header.getKey().equalsIgnoreCase(name) && header.getValue().isTextual()) {
					return header.getValue().asText();
				}
			}
			return null;
		}

		/** @throws IllegalArgumentException when a base64 body does not decode */
		byte[] body() {
			if (this.text == null) {
				return new byte[0];
			}
			return this.base64 ? Base64.getDecoder().decode(this.text) : this.text.getBytes(StandardCharsets.UTF_8);
		}

	}

}
