package org.heartdisease.aws;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.api.PredictionExchange.Answer;
import org.heartdisease.api.PredictionExchange.Call;

/**
 * Maps one raw Lambda event onto the shared {@link PredictionExchange} and its answer back: an HTTP
 * event (API Gateway REST v1 proxy, HTTP API v2, Function URL) becomes a {@link Call} and gets an HTTP
 * response object; anything else is a direct invocation, {@link Call#payload(byte[])}, whose result is
 * the answer's body. Bytes in, bytes out, so that adapter-aws hands the event over untouched (see the
 * package documentation).
 */
class LambdaEventFunction implements Function<InputStream, byte[]> {

	private final PredictionExchange exchange;

	private final ObjectMapper mapper;

	LambdaEventFunction(PredictionExchange exchange, ObjectMapper mapper) {
		this.exchange = exchange;
		this.mapper = mapper;
	}

	@Override
	public byte[] apply(InputStream input) {
		try (input) {
			byte[] event = input.readAllBytes(); // the runtime holds the event in memory: this read cannot fail
			JsonNode http = httpEvent(event);
			if (http == null) {
				return this.exchange.answer(Call.payload(event)).body();
			}
			return response(this.exchange.answer(call(http)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** @return the event when it is an HTTP event, with a method where v1 or v2 puts it; else {@code null} */
	private JsonNode httpEvent(byte[] event) {
		try {
			JsonNode node = this.mapper.readTree(event);
			return (node != null && node.path("requestContext").isObject() && method(node).isTextual()) ? node : null;
		}
		catch (IOException ex) {
			return null; // not JSON: a direct invocation, which the exchange answers like any other body
		}
	}

	private static JsonNode method(JsonNode event) {
		return event.has("httpMethod") ? event.get("httpMethod") : event.path("requestContext").path("http").path("method");
	}

	private static Call call(JsonNode event) {
		String path = event.has("httpMethod") ? event.path("path").asText("") : event.path("rawPath").asText("");
		String length = header(event, "Content-Length");
		return new Call(method(event).asText(), path, header(event, "Content-Type"),
				(length != null && length.matches("[0-9]{1,18}")) ? Long.parseLong(length) : -1, body(event),
				header(event, "Accept"), header(event, "If-None-Match"));
	}

	/** @return the header's value, whatever the case of its name (v1 keeps it as sent, v2 lower-cases it) */
	private static String header(JsonNode event, String name) {
		for (Map.Entry<String, JsonNode> header : event.path("headers").properties()) {
			if (header.getKey().equalsIgnoreCase(name) && header.getValue().isTextual()) {
				return header.getValue().asText();
			}
		}
		return null;
	}

	// A base64 body is decoded as it is read: one that does not decode is a body that cannot be read.
	private static InputStream body(JsonNode event) {
		if (!event.path("body").isTextual()) {
			return null;
		}
		String body = event.get("body").asText();
		return event.path("isBase64Encoded").asBoolean(false)
				? Base64.getDecoder().wrap(new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1)))
				: new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
	}

	// The response object API Gateway and Function URLs read: the same shape for payload v1 and v2. Written
	// with the generator, as the exchange writes its answers: no serializer is built for it by reflection.
	private byte[] response(Answer answer) throws IOException {
		Map<String, String> headers = new LinkedHashMap<>();
		if (answer.contentType() != null) {
			headers.put("Content-Type", answer.contentType());
		}
		headers.putAll(answer.headers());
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(answer.body().length + 256);
		try (JsonGenerator json = this.mapper.getFactory().createGenerator(bytes)) {
			json.writeStartObject();
			json.writeNumberField("statusCode", answer.status());
			json.writeObjectFieldStart("headers");
			for (Map.Entry<String, String> header : headers.entrySet()) {
				json.writeStringField(header.getKey(), header.getValue());
			}
			json.writeEndObject();
			// The exchange writes UTF-8 JSON, so the string carries the very same bytes.
			json.writeStringField("body", new String(answer.body(), StandardCharsets.UTF_8));
			json.writeBooleanField("isBase64Encoded", false);
			json.writeEndObject();
		}
		return bytes.toByteArray();
	}

}
