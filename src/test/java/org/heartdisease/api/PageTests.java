package org.heartdisease.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.ReferenceExchange;
import org.heartdisease.SurfaceCases;
import org.heartdisease.api.PredictionExchange.Answer;
import org.heartdisease.api.PredictionExchange.Call;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's rule in the exchange ({@link Page}): {@code GET /} answers the page to a browser and the API's
 * answer to everyone else, the files under {@code /page/} are the class path's with their types, caching
 * and security headers, and the page stays small and self-contained. The browser tests drive it on each
 * surface ({@code org.heartdisease.testing.PageInBrowser}).
 */
class PageTests {

	/** What Chromium sends when it opens a URL. */
	static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
			+ "image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

	private static final List<String> PAGE = List.of("page/index.html", "page/style.css", "page/app.js");

	private static final ObjectMapper mapper = new ObjectMapper();

	@Test
	void shouldAnswerABrowsersGetOfTheRootWithThePage() throws IOException {
		Answer answer = answer("GET", "/", BROWSER_ACCEPT, null);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.contentType()).isEqualTo("text/html; charset=utf-8");
		assertThat(answer.body()).isEqualTo(resource("page/index.html"));
		assertThat(answer.headers()).containsEntry("Content-Security-Policy", Page.CONTENT_SECURITY_POLICY)
			.containsEntry("X-Content-Type-Options", "nosniff")
			.containsEntry("Cache-Control", "no-cache")
			.containsEntry("Vary", "Accept")
			.containsKey("ETag")
			.doesNotContainKey("Set-Cookie");
		assertThat(Page.CONTENT_SECURITY_POLICY).startsWith("default-src 'self';")
			.doesNotContain("unsafe-inline", "unsafe-eval", "data:", "http");
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "*/*", "application/json", "text/html;q=0", "application/xhtml+xml", "text/*", "not a type" })
	void shouldKeepTheApisAnswerToAnyOtherGetOfTheRoot(String accept) {
		Answer answer = answer("GET", "/", accept, null);
		Answer today = ReferenceExchange.get().answer(new Call("GET", "/", null, 0, null));
		assertThat(answer.status()).isEqualTo(405).isEqualTo(today.status());
		assertThat(answer.headers()).isEqualTo(today.headers()).containsEntry("Allow", "POST, OPTIONS");
		assertThat(answer.body()).isEqualTo(today.body());
	}

	@Test
	void shouldStillPredictOnAPostToTheRootFromABrowser() throws IOException {
		byte[] example = SurfaceCases.payload("example.json").getBytes(StandardCharsets.UTF_8);
		Answer answer = ReferenceExchange.get().answer(new Call("POST", "/", PredictionExchange.JSON, example.length,
				new ByteArrayInputStream(example), BROWSER_ACCEPT, null));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(mapper.readTree(answer.body()).get("diagnosis").asText()).isEqualTo("clear");
	}

	@Test
	void shouldAnswerAHeadOfThePageWithItsHeadersAndNoBody() {
		Answer get = answer("GET", "/", BROWSER_ACCEPT, null);
		Answer head = answer("HEAD", "/", BROWSER_ACCEPT, null);
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.contentType()).isEqualTo(get.contentType());
		assertThat(head.headers()).isEqualTo(get.headers());
		assertThat(head.body()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "/page/app.js, page/app.js, text/javascript; charset=utf-8",
			"/page/style.css, page/style.css, text/css; charset=utf-8", "/page/icon.svg, page/icon.svg, image/svg+xml",
			"/page/card.md, model/heart-disease.md, text/markdown; charset=utf-8",
			"/page/roc.svg, model/heart-disease-roc.svg, image/svg+xml",
			"/page/calibration.svg, model/heart-disease-calibration.svg, image/svg+xml",
			"/page/distributions.svg, model/heart-disease-distributions.svg, image/svg+xml" })
	void shouldServeEachFileOfThePageAndTheCardFromTheClassPath(String path, String resource, String type)
			throws IOException {
		Answer answer = answer("GET", path, "*/*", null);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.contentType()).isEqualTo(type);
		assertThat(answer.body()).isEqualTo(resource(resource));
		assertThat(answer.headers()).containsEntry("X-Content-Type-Options", "nosniff")
			.containsEntry("Content-Security-Policy", Page.CONTENT_SECURITY_POLICY)
			.doesNotContainKey("Vary");
		if (resource.startsWith("model/")) {
			// The card is the one --train wrote beside the committed model, as committed.
			assertThat(answer.body()).isEqualTo(Files.readAllBytes(Path.of(resource)));
		}
	}

	@Test
	void shouldAnswerAFileTheBrowserHoldsWithA304() {
		String etag = answer("GET", "/page/app.js", null, null).headers().get("ETag");
		assertThat(etag).matches("\"[0-9a-f]{32}\"");
		assertThat(etag).isNotEqualTo(answer("GET", "/page/style.css", null, null).headers().get("ETag"));
		for (String ifNoneMatch : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
			Answer answer = answer("GET", "/page/app.js", null, ifNoneMatch);
			assertThat(answer.status()).as(ifNoneMatch).isEqualTo(304);
			assertThat(answer.body()).isEmpty();
			assertThat(answer.contentType()).isNull();
			assertThat(answer.headers()).containsEntry("ETag", etag).containsEntry("Cache-Control", "no-cache");
		}
		assertThat(answer("GET", "/page/app.js", null, "\"other\"").status()).isEqualTo(200);
		assertThat(answer("GET", "/", BROWSER_ACCEPT, answer("GET", "/", BROWSER_ACCEPT, null).headers().get("ETag"))
			.status()).isEqualTo(304);
	}

	@Test
	void shouldAnswerOtherMethodsOnThePagesFilesLikeTheApiDoes() throws IOException {
		Answer options = answer("OPTIONS", "/page/app.js", null, null);
		assertThat(options.status()).isEqualTo(204);
		assertThat(options.headers()).containsEntry("Allow", "GET, HEAD, OPTIONS");
		Answer put = answer("PUT", "/page/app.js", null, null);
		assertThat(put.status()).isEqualTo(405);
		assertThat(put.contentType()).isEqualTo("application/problem+json");
		assertThat(put.headers()).containsEntry("Allow", "GET, HEAD, OPTIONS");
		assertThat(mapper.readTree(put.body()).get("status").asInt()).isEqualTo(405);
		for (String path : List.of("/page/", "/page", "/page/APP.js", "/page/../model", "/index.html", "/page/index.html")) {
			assertThat(answer("GET", path, BROWSER_ACCEPT, null).status()).as(path).isEqualTo(404);
		}
	}

	@Test
	void shouldBeSmallPlainAndSelfContained() throws IOException {
		int total = 0;
		for (String file : PAGE) {
			total += resource(file).length;
		}
		// The issue's budget: HTML, CSS and one ES module together at most 30 KiB uncompressed.
		assertThat(total).isLessThanOrEqualTo(30 * 1024);
		String html = text("page/index.html");
		// No inline script, style or event handler, which the Content-Security-Policy would block.
		assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)")
			.doesNotContainPattern("\\sstyle=")
			.doesNotContainPattern("<style")
			.doesNotContainPattern("\\son[a-z]+=")
			.contains("<script type=\"module\" src=\"page/app.js\"></script>")
			.contains("<html lang=\"en\">");
		String script = text("page/app.js");
		assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "eval(", "new Function",
				"setAttribute('style'", "document.write", "import(", "cookie", "localStorage");
		// Nothing from another origin: every reference of the three files is relative to the page, so that it
		// also works under a path prefix (a gateway's stage), and none has a scheme or a host.
		for (String file : PAGE) {
			assertThat(text(file)).as(file).doesNotContainPattern("(src|href)=\"(/|[a-z]+:)")
				.doesNotContainPattern("url\\(")
				.doesNotContainPattern("@import")
				.doesNotContainPattern("fetch\\('(/|[a-z]+:)");
		}
	}

	@Test
	void shouldReferToNothingThatTheExchangeDoesNotAnswer() throws IOException {
		Matcher references = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(text("page/index.html"));
		int count = 0;
		while (references.find()) {
			String path = "/" + references.group(1);
			assertThat(ReferenceExchange.get().answer(new Call("GET", path, null, 0, null)).status()).as(path)
				.isEqualTo(200);
			count++;
		}
		assertThat(count).isGreaterThanOrEqualTo(8);
		for (String path : List.of("/model", "/predict")) {
			assertThat(text("page/app.js")).contains("fetch('" + path.substring(1) + "'");
		}
	}

	@Test
	void shouldFillInTheExamplePatientOfTheReadme() throws IOException {
		// The module's example is the README's and the tests' example.json, field for field.
		Matcher example = Pattern.compile("const EXAMPLE = (\\{[^}]*\\});").matcher(text("page/app.js"));
		assertThat(example.find()).isTrue();
		JsonNode inPage = mapper.readTree(example.group(1).replaceAll("(\\w+):", "\"$1\":"));
		assertThat(inPage).isEqualTo(mapper.readTree(SurfaceCases.payload("example.json")));
	}

	private static Answer answer(String method, String path, String accept, String ifNoneMatch) {
		return ReferenceExchange.get().answer(new Call(method, path, null, 0, null, accept, ifNoneMatch));
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = PageTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name + " on the class path").isNotNull();
			return in.readAllBytes();
		}
	}

	private static String text(String name) throws IOException {
		return new String(resource(name), StandardCharsets.UTF_8);
	}

}
