package org.heartdisease.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.heartdisease.api.PredictionExchange.Answer;
import org.heartdisease.api.PredictionExchange.Call;
import org.heartdisease.model.Sha256;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The page that tries the model and shows its card, one rule that {@link PredictionExchange} consults
 * before its routes, so that every HTTP surface serves it alike: {@code GET /} from a browser (an
 * {@code Accept} naming {@code text/html}) and the files under {@code /page/}, read from the class path
 * once, on the first request for one, never at a cold start. Any other call to {@code /} is the API's.
 *
 * <p>Every answer of the page forbids what the page does not need: a strict Content-Security-Policy (no
 * inline script or style, nothing from another origin), {@code nosniff}, no referrer, and no cookie. Files
 * carry a strong {@code ETag} and {@code Cache-Control: no-cache}: a browser revalidates, and an
 * unchanged file costs a {@code 304} without a body.
 */
final class Page {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; connect-src 'self'; font-src 'none'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'none'; frame-ancestors 'none'";

	static final String ALLOW = "GET, HEAD, OPTIONS";

	/** Each path of the page, its class path resource and media type. */
	private static final Map<String, List<String>> FILES = Map.of(
			"/", List.of("page/index.html", "text/html; charset=utf-8"),
			"/page/app.js", List.of("page/app.js", "text/javascript; charset=utf-8"),
			"/page/style.css", List.of("page/style.css", "text/css; charset=utf-8"),
			"/page/icon.svg", List.of("page/icon.svg", "image/svg+xml"),
			// The model card that --train wrote beside the committed artifact (the pom puts it on the class path).
			"/page/card.md", List.of("model/heart-disease.md", "text/markdown; charset=utf-8"),
			"/page/roc.svg", List.of("model/heart-disease-roc.svg", "image/svg+xml"),
			"/page/calibration.svg", List.of("model/heart-disease-calibration.svg", "image/svg+xml"),
			"/page/distributions.svg", List.of("model/heart-disease-distributions.svg", "image/svg+xml"));

	private Page() {
	}

	/** @return the page's answer, or {@code null} when the call is not the page's (the API answers it) */
	static Answer answer(Call call) {
		String path = call.path();
		if (!FILES.containsKey(path)) {
			return null;
		}
		boolean read = "GET".equals(call.method()) || "HEAD".equals(call.method());
		if (path.equals("/")) {
			return (read && acceptsHtml(call.accept())) ? Assets.get(path).answer(call.ifNoneMatch(), "Accept") : null;
		}
		if ("OPTIONS".equals(call.method())) {
			return new Answer(204, null, Map.of("Allow", ALLOW), new byte[0]);
		}
		if (!read) {
			return new Answer(405, Problem.MEDIA_TYPE, Map.of("Allow", ALLOW),
					AnswerWriter.problem(Problem.of(405, "Use GET to read the page's files.")));
		}
		return Assets.get(path).answer(call.ifNoneMatch(), null);
	}

	/** A browser's navigation names text/html; {@code *}{@code /*} alone (curl, most clients) does not. */
	static boolean acceptsHtml(String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept).stream()
				.anyMatch((type) -> type.getType().equals("text") && type.getSubtype().equals("html")
						&& type.getQualityValue() > 0);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/** Read on the first request for a file of the page. */
	private static final class Assets {

		private static final Map<String, Asset> BY_PATH = read();

		static Asset get(String path) {
			return BY_PATH.get(path);
		}

		private static Map<String, Asset> read() {
			Map<String, Asset> files = new HashMap<>();
			FILES.forEach((path, file) -> files.put(path, new Asset(bytes(file.get(0)), file.get(1))));
			return Map.copyOf(files);
		}

		private static byte[] bytes(String resource) {
			try (InputStream in = Page.class.getClassLoader().getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException(resource + " is not on the class path; the build puts it there");
				}
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read " + resource + " from the class path", ex);
			}
		}

	}

	private record Asset(byte[] bytes, String contentType, String etag) {

		Asset(byte[] bytes, String contentType) {
			this(bytes, contentType, "\"" + Sha256.hex(bytes).substring(0, 32) + "\"");
		}

		Answer answer(String ifNoneMatch, String vary) {
			Map<String, String> headers = new HashMap<>(Map.of("ETag", this.etag, "Cache-Control", "no-cache",
					"Content-Security-Policy", CONTENT_SECURITY_POLICY, "X-Content-Type-Options", "nosniff",
					"Referrer-Policy", "no-referrer"));
			if (vary != null) {
				headers.put("Vary", vary);
			}
			return matches(ifNoneMatch) ? new Answer(304, null, Map.copyOf(headers), new byte[0])
					: new Answer(200, this.contentType, Map.copyOf(headers), this.bytes);
		}

		// If-None-Match lists entity tags, weak or strong, or is *; a GET compares them weakly (RFC 9110 13.1.2).
		private boolean matches(String ifNoneMatch) {
			if (ifNoneMatch == null) {
				return false;
			}
			for (String tag : ifNoneMatch.split(",")) {
				String trimmed = tag.trim();
				if (trimmed.equals("*") || trimmed.equals(this.etag) || trimmed.equals("W/" + this.etag)) {
					return true;
				}
			}
			return false;
		}

	}

}
