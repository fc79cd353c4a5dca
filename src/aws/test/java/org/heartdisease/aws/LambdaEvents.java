package org.heartdisease.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.heartdisease.SurfaceCases;
import org.heartdisease.SurfaceCases.SurfaceCase;
import org.heartdisease.api.PredictionExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample events in {@code src/aws/test/resources/events}, in the shapes AWS sends, wrapped around
 * the {@link SurfaceCases} table, and the check that an answer is the shared exchange's.
 */
final class LambdaEvents {

	private static final ObjectMapper mapper = new ObjectMapper();

	private LambdaEvents() {
	}

	/** How the function is invoked. */
	enum Kind {

		/** API Gateway REST API, Lambda proxy integration (payload format 1.0). */
		REST_API("rest-api.json", "Content-Type"),

		/** API Gateway HTTP API (payload format 2.0). */
		HTTP_API("http-api.json", "content-type"),

		/** A Lambda Function URL (payload format 2.0, route {@code $default}). */
		FUNCTION_URL("function-url.json", "content-type"),

		/** {@code aws lambda invoke}: the event is the payload JSON itself. */
		DIRECT("direct.json", null);

		private final String file;

		private final String contentTypeHeader;

		Kind(String file, String contentTypeHeader) {
			this.file = file;
			this.contentTypeHeader = contentTypeHeader;
		}

		boolean isHttp() {
			return this != DIRECT;
		}

		/** @return the sample event as AWS sends it */
		byte[] sample() {
			try {
				return Files.readAllBytes(Path.of("src/aws/test/resources/events", this.file));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/**
	 * One request of the table carried by one kind of event.
	 * @param kind the kind of event
	 * @param request the request
	 * @param base64 whether an HTTP event carries the body base64-encoded
	 */
	record Invocation(Kind kind, SurfaceCase request, boolean base64) {

		byte[] event() {
			if (this.kind == Kind.DIRECT) {
				return this.request.body();
			}
			return http(this.kind, "POST", this.request.contentType(), this.request.body(), this.base64);
		}

		/** @return what the shared exchange answers to the request this event carries */
		PredictionExchange.Reply expected(PredictionExchange exchange) {
			String contentType = this.kind.isHttp() ? this.request.contentType() : PredictionExchange.JSON;
			return exchange.handle(contentType, this.request.body());
		}

		@Override
		public String toString() {
			return this.kind + (this.base64 ? " base64" : "") + ": " + this.request.name();
		}

	}

	/**
	 * @return every HTTP kind with every case of the table, plain and base64, and direct invocations
	 * with every JSON case (a direct invocation has no content type: JSON is implied)
	 */
	static List<Invocation> all() {
		List<Invocation> invocations = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			if (kind.isHttp()) {
				for (SurfaceCase request : SurfaceCases.all()) {
					invocations.add(new Invocation(kind, request, false));
					invocations.add(new Invocation(kind, request, true));
				}
			}
			else {
				SurfaceCases.jsonOnly().forEach((request) -> invocations.add(new Invocation(kind, request, false)));
			}
		}
		return invocations;
	}

	/**
	 * @return the kind's sample HTTP event with this method, Content-Type ({@code null} for none) and
	 * body, headers otherwise as sampled
	 */
	static byte[] http(Kind kind, String method, String contentType, byte[] body, boolean base64) {
		try {
			ObjectNode event = (ObjectNode) mapper.readTree(kind.sample());
			if (event.has("httpMethod")) {
				event.put("httpMethod", method);
				((ObjectNode) event.get("requestContext")).put("httpMethod", method);
			}
			else {
				((ObjectNode) event.get("requestContext").get("http")).put("method", method);
			}
			for (String headers : new String[] { "headers", "multiValueHeaders" }) {
				if (event.get(headers) instanceof ObjectNode node) {
					node.remove(kind.contentTypeHeader);
					if (contentType != null) {
						if (headers.equals("headers")) {
							node.put(kind.contentTypeHeader, contentType);
						}
						else {
							node.putArray(kind.contentTypeHeader).add(contentType);
						}
					}
					if (node.has("content-length")) {
						node.put("content-length", String.valueOf(body.length));
					}
				}
			}
			event.put("body", base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
			event.put("isBase64Encoded", base64);
			return mapper.writeValueAsBytes(event);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Asserts that the function's output is the expected reply as this kind of event must carry it:
	 * for HTTP an integer status, a Content-Type and nothing else among the headers, the exchange's
	 * body; for a direct invocation the exchange's body itself.
	 */
	static void assertAnswers(Invocation invocation, PredictionExchange.Reply expected, byte[] output) {
		assertThat(expected.status()).as("the table").isEqualTo(invocation.request().status());
		if (!invocation.kind().isHttp()) {
			assertThat(new String(output, StandardCharsets.UTF_8))
				.isEqualTo(new String(expected.body(), StandardCharsets.UTF_8));
			return;
		}
		JsonNode response = read(output);
		assertThat(fieldNames(response)).containsExactly("statusCode", "headers", "body", "isBase64Encoded");
		assertThat(response.get("statusCode").isInt()).as("statusCode is an integer").isTrue();
		assertThat(response.get("statusCode").intValue()).isEqualTo(expected.status());
		assertThat(mapper.convertValue(response.get("headers"), Map.class))
			.isEqualTo(Map.of("Content-Type", expected.contentType()));
		assertThat(response.get("isBase64Encoded").booleanValue()).isFalse();
		assertThat(response.get("body").textValue()).isEqualTo(new String(expected.body(), StandardCharsets.UTF_8));
	}

	static JsonNode read(byte[] json) {
		try {
			return mapper.readTree(json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
			names.add(it.next());
		}
		return names;
	}

}
