package org.heartdisease.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.heartdisease.ReferenceExchange;
import org.heartdisease.SurfaceCases;
import org.heartdisease.SurfaceCases.SurfaceCase;
import org.heartdisease.api.PredictionExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample events in {@code src/aws/test/resources/events}, in the shapes AWS sends, wrapped around
 * the {@link SurfaceCases} table, and the check that an answer is the reference exchange's.
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
			return http(this.kind, this.request.method(), this.request.path(), this.request.contentType(),
					this.request.body(), this.base64);
		}

		@Override
		public String toString() {
			return this.kind + (this.base64 ? " base64" : "") + ": " + this.request.name();
		}

	}

	/**
	 * @return every case of the table in every HTTP kind, the cases that reach {@code predict} also
	 * base64-encoded, and direct invocations of the JSON payload cases (no method, path or type: a
	 * direct invocation can only predict)
	 */
	static List<Invocation> all() {
		List<Invocation> invocations = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			if (kind.isHttp()) {
				for (SurfaceCase request : SurfaceCases.all()) {
					invocations.add(new Invocation(kind, request, false));
					if (request.predicts()) {
						invocations.add(new Invocation(kind, request, true));
					}
				}
			}
		}
		for (SurfaceCase request : SurfaceCases.payloads()) {
			if (PredictionExchange.JSON.equals(request.contentType())) {
				invocations.add(new Invocation(Kind.DIRECT, request, false));
			}
		}
		return invocations;
	}

	/** @return the kind's sample HTTP event as {@code POST /predict} with this Content-Type and body */
	static byte[] http(Kind kind, String contentType, byte[] body, boolean base64) {
		return http(kind, "POST", "/predict", contentType, body, base64);
	}

	/**
	 * @return the kind's sample HTTP event with this method, path, Content-Type ({@code null} for
	 * none) and body (its Content-Length, where the sample has one, set to match), headers otherwise
	 * as sampled
	 */
	static byte[] http(Kind kind, String method, String path, String contentType, byte[] body, boolean base64) {
		try {
			ObjectNode event = (ObjectNode) mapper.readTree(kind.sample());
			ObjectNode context = (ObjectNode) event.get("requestContext");
			if (event.has("httpMethod")) {
				event.put("httpMethod", method).put("path", path);
				context.put("httpMethod", method).put("path", "/" + context.get("stage").asText() + path);
			}
			else {
				event.put("rawPath", path).put("routeKey", "$default");
				context.put("routeKey", "$default");
				((ObjectNode) context.get("http")).put("method", method).put("path", path);
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
	 * Asserts that the function's output is the reference exchange's answer to the invocation's
	 * request, as this kind of event must carry it, and that its status is the one the table names:
	 * for HTTP an integer {@code statusCode}, exactly the answer's Content-Type (none when it has
	 * none) and Allow, the answer's body bytes; for a direct invocation the answer's body bytes.
	 */
	static void assertAnswers(Invocation invocation, byte[] output) {
		PredictionExchange.Answer expected = ReferenceExchange.answer(invocation.request());
		assertThat(expected.status()).as("the table's status").isEqualTo(invocation.request().status());
		if (!invocation.kind().isHttp()) {
			assertThat(output).asString(StandardCharsets.UTF_8)
				.isEqualTo(new String(expected.body(), StandardCharsets.UTF_8));
			assertThat(output).isEqualTo(expected.body());
			return;
		}
		assertResponse(output, expected);
	}

	/** Asserts that an HTTP response object carries exactly this answer. */
	static void assertResponse(byte[] output, PredictionExchange.Answer expected) {
		JsonNode response = read(output);
		assertThat(fieldNames(response)).containsExactly("statusCode", "headers", "body", "isBase64Encoded");
		assertThat(response.get("statusCode").isInt()).as("statusCode is an integer").isTrue();
		assertThat(response.get("statusCode").intValue()).isEqualTo(expected.status());
		Map<String, String> headers = new LinkedHashMap<>();
		if (expected.contentType() != null) {
			headers.put("Content-Type", expected.contentType());
		}
		headers.putAll(expected.headers());
		assertThat(mapper.convertValue(response.get("headers"), Map.class)).isEqualTo(headers);
		assertThat(response.get("isBase64Encoded").booleanValue()).isFalse();
		assertThat(response.get("body").textValue()).isEqualTo(new String(expected.body(), StandardCharsets.UTF_8));
		assertThat(response.get("body").textValue().getBytes(StandardCharsets.UTF_8)).isEqualTo(expected.body());
	}

	/**
	 * @param kind an HTTP event shape
	 * @return a JSON {@code POST /predict} event marked {@code isBase64Encoded} whose body is not base64,
	 * which adapter-aws alone would bind to an all-null payload and answer 200
	 */
	static byte[] markedBase64ButNot(Kind kind) {
		String event = new String(http(kind, "application/json", new byte[0], true), StandardCharsets.UTF_8)
			.replace("\"body\":\"\"", "\"body\":\"{not base64}\"");
		return event.getBytes(StandardCharsets.UTF_8);
	}

	/** @return the reference exchange's answer to a JSON {@code POST /predict} whose body cannot be read */
	static PredictionExchange.Answer unreadableBody() {
		InputStream unreadable = new InputStream() {

			@Override
			public int read() throws IOException {
				throw new IOException("cannot be read");
			}

		};
		return ReferenceExchange.get()
			.answer(new PredictionExchange.Call("POST", "/predict", PredictionExchange.JSON, -1, unreadable));
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
