package org.heartdisease;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The table of requests every surface must answer alike: the same status and, byte for byte, the
 * same body as the shared {@code PredictionExchange}.
 */
public final class SurfaceCases {

	private SurfaceCases() {
	}

	/**
	 * One request and the status it must get.
	 * @param name what the case shows
	 * @param contentType the request's Content-Type, {@code null} for none
	 * @param body the request body
	 * @param status the expected HTTP status
	 */
	public record SurfaceCase(String name, String contentType, byte[] body, int status) {

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		SurfaceCase withContentType(String contentType) {
			return new SurfaceCase(this.name, contentType, this.body, this.status);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	/** @return every case, for surfaces that carry any content type */
	public static List<SurfaceCase> all() {
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
				json("a batch with bad items", "[" + example + ", {\"age\": 40}, 3]", 400),
				json("a batch of 1000 bad items", "[" + "3,".repeat(999) + "3]", 400),
				json("malformed JSON", "{\"age\": 63,", 400),
				json("NaN", "{\"age\": NaN}", 400),
				json("an empty body", "", 400),
				json("an empty batch", "[]", 400),
				new SurfaceCase("a text/plain body", "text/plain", bytes(example), 415),
				new SurfaceCase("no content type", null, bytes(example), 415),
				new SurfaceCase("a form body", "application/x-www-form-urlencoded", bytes("age=63"), 415),
				json("JSON with a charset parameter", example, 200).withContentType("application/json; charset=UTF-8"),
				json("a batch over the limit", "[" + (example + ",").repeat(1000) + example + "]", 413),
				json("a body over the limit", " ".repeat(262145) + example, 413));
	}

	/** @return the cases whose content type is JSON, for surfaces where a content type may be implied */
	public static List<SurfaceCase> jsonOnly() {
		return all().stream()
			.filter((c) -> c.contentType() != null && c.contentType().startsWith("application/json"))
			.toList();
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
		return new SurfaceCase(name, "application/json", bytes(body), status);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
