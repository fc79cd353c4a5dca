package org.heartdisease.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * What a Lambda Function URL does in front of the function, on loopback, so that a browser can reach the
 * {@link LambdaProcess} under test: each HTTP request becomes a payload-2.0 event (the sample
 * {@code function-url.json} with this request's method, path, query, lower-cased headers and body, base64 for
 * a body that is not text), goes through the runtime interface client, and the function's response object
 * ({@code statusCode}, {@code headers}, {@code body}, {@code isBase64Encoded}) is written back as it is.
 */
final class FunctionUrlFront implements AutoCloseable {

	private static final ObjectMapper mapper = new ObjectMapper();

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final LambdaProcess lambda;

	private final HttpServer server;

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	FunctionUrlFront(LambdaProcess lambda) throws IOException {
		this.lambda = lambda;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		// One event at a time, as one Lambda execution environment takes them.
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/** @return {@code http://127.0.0.1:PORT} */
	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			JsonNode response = mapper.readTree(this.lambda.invoke(event(exchange, body), TIMEOUT));
			response.path("headers").properties()
				.forEach((header) -> exchange.getResponseHeaders().add(header.getKey(), header.getValue().asText()));
			String text = response.path("body").asText("");
			byte[] bytes = response.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(text)
					: text.getBytes(StandardCharsets.UTF_8);
			boolean noBody = bytes.length == 0 || exchange.getRequestMethod().equals("HEAD");
			exchange.sendResponseHeaders(response.get("statusCode").asInt(), noBody ? -1 : bytes.length);
			if (!noBody) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
		}
	}

	private static byte[] event(HttpExchange exchange, byte[] body) throws IOException {
		ObjectNode event = (ObjectNode) mapper.readTree(LambdaEvents.Kind.FUNCTION_URL.sample());
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getRawPath();
		String query = exchange.getRequestURI().getRawQuery();
		event.put("rawPath", path).put("rawQueryString", (query != null) ? query : "");
		((ObjectNode) event.get("requestContext").get("http")).put("method", method).put("path", path);
		ObjectNode headers = event.putObject("headers");
		for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
			headers.put(header.getKey().toLowerCase(), String.join(",", header.getValue()));
		}
		String type = exchange.getRequestHeaders().getFirst("Content-Type");
		boolean text = type != null && (type.startsWith("text/") || type.startsWith("application/json"));
		if (body.length == 0) {
			event.remove("body");
			event.put("isBase64Encoded", false);
		}
		else {
			event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
			event.put("isBase64Encoded", !text);
		}
		return mapper.writeValueAsBytes(event);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
