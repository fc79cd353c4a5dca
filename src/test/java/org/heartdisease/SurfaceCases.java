package org.heartdisease;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.heartdisease.api.PredictionExchange;

/**
 * The requests every surface must answer alike: for each, the surface's status, content type,
 * {@code Allow} header and body bytes must be those of the shared {@code PredictionExchange}, and
 * the status the one {@link SurfaceCase#status()} names, which this table works out on its own.
 *
 * <p>Three parts: {@link #matrix()}, every method × path × content type × body kind,
 * {@link #payloads()}, the bodies that probe the reader and the validator, each sent as
 * {@code POST /predict}, and {@link #apiDocs()}, the OpenAPI description.
 */
public final class SurfaceCases {

	/** The methods of the matrix. */
	public static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");

	/** The paths of the matrix: the three routes, and spellings that must not reach them. */
	public static final List<String> PATHS = List.of("/", "/predict", "/model", "/predict/", "/model/", "/PREDICT",
			"//predict", "/%70redict", "/nope", "/actuator/env");

	/** The content types of the matrix; {@code null} is none. */
	public static final List<String> CONTENT_TYPES = Arrays.asList("application/json",
			"application/json; charset=UTF-8", "application/json; charset=ISO-8859-1", "text/plain", null);

	/** The body kinds of the matrix. */
	public enum Body {

		VALID, INVALID, BATCH, EMPTY, OVER_LIMIT;

		public byte[] bytes() {
			String example = payload("example.json");
			return SurfaceCases.bytes(switch (this) {
				case VALID -> example;
				case INVALID -> example.replace("\"age\": 63", "\"age\": \"63\"").replace("\"cp\": 1", "\"cp\": 0");
				case BATCH -> payload("batch.json");
				case EMPTY -> "";
				case OVER_LIMIT -> " ".repeat(262_145) + example;
			});
		}

	}

	private static final Set<String> PREDICT = Set.of("/", "/predict");

	private SurfaceCases() {
	}

	/**
	 * One request and the status it must get.
	 * @param name what the case shows
	 * @param method the HTTP method
	 * @param path the path, as sent
	 * @param contentType the request's Content-Type, {@code null} for none
	 * @param body the request body
	 * @param status the expected HTTP status
	 */
	public record SurfaceCase(String name, String method, String path, String contentType, byte[] body, int status) {

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		/** @return whether the case reaches {@code predict} (a {@code POST} to a predict route) */
		public boolean predicts() {
			return this.method.equals("POST") && PREDICT.contains(this.path);
		}

		/** @return the exchange's call for this request */
		public PredictionExchange.Call call() {
			return new PredictionExchange.Call(this.method, this.path, this.contentType, this.body.length,
					new ByteArrayInputStream(this.body));
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	/** @return the whole matrix, then the payload table, then the OpenAPI description's cases */
	public static List<SurfaceCase> all() {
		List<SurfaceCase> all = new ArrayList<>(matrix());
		all.addAll(payloads());
		all.addAll(apiDocs());
		return all;
	}

	/** @return {@code /v3/api-docs}, the build's OpenAPI description: read, and refused to a POST */
	public static List<SurfaceCase> apiDocs() {
		return List.of(new SurfaceCase("GET /v3/api-docs", "GET", "/v3/api-docs", null, new byte[0], 200),
				new SurfaceCase("HEAD /v3/api-docs", "HEAD", "/v3/api-docs", null, new byte[0], 200),
				new SurfaceCase("POST /v3/api-docs", "POST", "/v3/api-docs", "application/json", Body.VALID.bytes(), 405));
	}

	/** @return every method × path × content type × body kind, with the status each must get */
	public static List<SurfaceCase> matrix() {
		List<SurfaceCase> cases = new ArrayList<>();
		for (String method : METHODS) {
			for (String path : PATHS) {
				for (String contentType : CONTENT_TYPES) {
					for (Body body : Body.values()) {
						cases.add(new SurfaceCase(method + " " + path + " " + contentType + " " + body, method, path,
								contentType, body.bytes(), status(method, path, contentType, body)));
					}
				}
			}
		}
		return cases;
	}

	// The API's rules, written out independently of the exchange that implements them.
	private static int status(String method, String path, String contentType, Body body) {
		boolean predict = PREDICT.contains(path);
		if (!predict && !path.equals("/model")) {
			return 404;
		}
		if (method.equals("OPTIONS")) {
			return 204;
		}
		if (!predict) {
			return (method.equals("GET") || method.equals("HEAD")) ? 200 : 405;
		}
		if (!method.equals("POST")) {
			return 405;
		}
		if (contentType == null || !contentType.startsWith("application/json")
				|| contentType.endsWith("ISO-8859-1")) {
			return 415;
		}
		return switch (body) {
			case VALID, BATCH -> 200;
			case INVALID, EMPTY -> 400;
			case OVER_LIMIT -> 413;
		};
	}

	/** @return the bodies that probe the reader and the validator, each as {@code POST /predict} JSON */
	public static List<SurfaceCase> payloads() {
		String example = payload("example.json");
		return List.of(
				json("the example patient", example, 200),
				json("a batch", payload("batch.json"), 200),
				json("missing ca and thal are imputed", example.replace("\"ca\": 0, \"thal\": 6", "\"ca\": null"), 200),
				json("the Kaggle codes", payload("kaggle-codes.json"), 400),
				json("every field missing", "{}", 400),
				json("wrong types and an unknown field",
						example.replace("\"age\": 63", "\"age\": \"63\"").replace("\"sex\": 1", "\"sex\": true, \"bmi\": 31"),
						400),
				json("out-of-range values", example.replace("\"chol\": 233", "\"chol\": 2330")
					.replace("\"fbs\": 1", "\"fbs\": 2"), 400),
				json("a repeated field", example.replace("\"age\": 63", "\"age\": 63, \"age\": 64"), 400),
				json("a batch with bad items", "[" + example + ", {\"age\": 40}, 3]", 400),
				json("a batch of 1000 bad items", "[" + "3,".repeat(999) + "3]", 400),
				json("malformed JSON", "{\"age\": 63,", 400),
				json("NaN", "{\"age\": NaN}", 400),
				json("an empty batch", "[]", 400),
				json("a batch over the limit", "[" + (example + ",").repeat(1000) + example + "]", 413),
				new SurfaceCase("a form body", "POST", "/predict", "application/x-www-form-urlencoded", bytes("age=63"),
						415));
	}

	/** @return a payload file from {@code src/test/resources/payloads} */
	public static String payload(String name) {
		try {
			return Files.readString(Path.of("src/test/resources/payloads", name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static SurfaceCase json(String name, String body, int status) {
		return new SurfaceCase(name, "POST", "/predict", "application/json", bytes(body), status);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
