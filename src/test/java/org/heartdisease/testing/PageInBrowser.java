package org.heartdisease.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The page ({@code GET /} from a browser) driven in headless Chromium by Selenium WebDriver, on whichever HTTP
 * surface a subclass points it at ({@link #baseUrl()}): the local server, Google's invoker, the Lambda runtime
 * behind a Function URL front. Skipped, with a message, where Debian's {@code chromium} or
 * {@code chromium-driver} is missing; both are named by path, so Selenium Manager never downloads anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PageInBrowser {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/** Where {@code .ci/run} installs axe-core ({@code .tools} is git-ignored). */
	private static final Path AXE = Path.of(".tools/npm/node_modules/axe-core/axe.min.js");

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final ObjectMapper mapper = new ObjectMapper();

	private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private ChromeDriver driver;

	/** @return the surface's address, {@code http://127.0.0.1:PORT}, without a trailing slash */
	protected abstract String baseUrl();

	/** @return this surface's name, for the screenshot's file name */
	protected abstract String surface();

	@BeforeAll
	void startChromium() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium or its driver is not installed at " + CHROMIUM + " and " + CHROMEDRIVER
						+ "; install them with: apt-get update && apt-get install -y chromium chromium-driver");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--window-size=1280,1000", "--no-first-run", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--disable-extensions", "--lang=en-GB");
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	@AfterAll
	void stopChromium() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	/** Each test opens the page afresh, once its form is built from {@code /model}. */
	@BeforeEach
	void openThePage() {
		this.driver.get(baseUrl() + "/");
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
		consoleErrors(); // read the log, so each test sees only its own page's entries
	}

	@Test
	void shouldPredictTheExamplePatientAndExplainItAsSortedBars() throws Exception {
		List<String> pageLoad = consoleErrors();
		click("example");
		click("predict");
		awaitResult();
		JsonNode answer = predictOverHttp();
		assertThat(text("diagnosis")).isEqualTo("Diagnosis: " + answer.get("diagnosis").asText()).isEqualTo("Diagnosis: clear");
		assertThat(text("probability")).isEqualTo(String.format("Probability of heart-disease: %.1f %%, below the "
				+ "threshold of 50.0 %%.", 100 * answer.get("probability").asDouble()));
		assertThat(text("imputed")).isEqualTo("No field was imputed.");
		List<WebElement> bars = this.driver.findElements(By.cssSelector("#contributions li"));
		JsonNode contributions = answer.get("explanation").get("contributions");
		assertThat(bars).hasSize(13).hasSize(contributions.size());
		double previous = Double.MAX_VALUE;
		for (int i = 0; i < bars.size(); i++) {
			WebElement bar = bars.get(i);
			double contribution = contributions.get(i).get("contribution").asDouble();
			// In the answer's order, labelled, its value written out, drawn to the side of its sign.
			assertThat(bar.findElement(By.className("label")).getText()).isEqualTo(contributions.get(i).get("label").asText());
			// The sign and the effect in words too, for who cannot tell the two colours apart.
			assertThat(bar.findElement(By.className("value")).getText())
				.startsWith(((contribution < 0) ? "\u2212" : "+") + String.format("%.2f", Math.abs(contribution)))
				.endsWith((contribution < 0) ? ", lowers the risk" : ", raises the risk");
			assertThat(Math.abs(contribution)).isLessThanOrEqualTo(previous);
			previous = Math.abs(contribution);
			WebElement drawn = bar.findElement(By.className("bar"));
			assertThat(drawn.getAttribute("class")).endsWith((contribution < 0) ? "lower" : "raise");
			assertThat(drawn.getSize().getWidth()).isPositive();
		}
		// The largest bar spans half the track; the others in proportion.
		int track = bars.get(0).findElement(By.className("track")).getSize().getWidth();
		assertThat(bars.get(0).findElement(By.className("bar")).getSize().getWidth()).isCloseTo(track / 2, within(2));
		assertThat(pageLoad).as("console errors while loading").isEmpty();
		assertThat(consoleErrors()).as("console errors while predicting").isEmpty();
		assertThat(resourcesFromElsewhere()).isEmpty();
		screenshot();
	}

	@Test
	void shouldShowAFieldsErrorNextToItsField() {
		click("example");
		WebElement chol = this.driver.findElement(By.id("f-chol"));
		chol.clear();
		chol.sendKeys("2330");
		click("predict");
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.textMatches(By.id("error-chol"), Pattern.compile(".+")));
		assertThat(text("error-chol")).startsWith("chol ").contains("2330");
		assertThat(chol.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(chol.getAttribute("aria-describedby")).contains("error-chol");
		assertThat(this.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("f-chol");
		assertThat(text("form-error")).isNotBlank();
		assertThat(this.driver.findElement(By.id("result")).isDisplayed()).isFalse();
		assertThat(this.driver.findElements(By.cssSelector(".field .error"))).filteredOn((error) -> !error.getText().isEmpty())
			.hasSize(1);
		// The only console entry: Chromium's note of the 400 itself.
		assertThat(consoleErrors()).allMatch((entry) -> entry.contains("/predict") && entry.contains("400"));
	}

	@Test
	void shouldCompleteARunByKeyboardAlone() {
		Actions keys = new Actions(this.driver);
		tabTo("example", keys);
		keys.sendKeys(Keys.ENTER).perform();
		assertThat(this.driver.findElement(By.id("f-age")).getAttribute("value")).isEqualTo("63");
		tabTo("predict", keys);
		keys.sendKeys(Keys.ENTER).perform();
		awaitResult();
		// Focus moves to the result, where a screen reader and the next Tab go on.
		assertThat(this.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("result-heading");
		assertThat(text("diagnosis")).isEqualTo("Diagnosis: clear");
		assertThat(consoleErrors()).isEmpty();
	}

	@Test
	void shouldEnforceItsContentSecurityPolicyAndSetNoCookie() {
		assertThat(consoleErrors()).as("nothing of the page itself was refused").isEmpty();
		this.driver.executeScript("window.violations = [];"
				+ "document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective));"
				+ "const probe = document.createElement('div');"
				+ "probe.innerHTML = '<span style=\"color: red\">x</span>';"
				+ "document.body.append(probe);"
				+ "const script = document.createElement('script');"
				+ "script.textContent = 'window.inlineRan = true';"
				+ "document.body.append(script);");
		new WebDriverWait(this.driver, WAIT).until((driver) -> ((List<?>) this.driver.executeScript("return window.violations")).size() >= 2);
		assertThat((List<?>) this.driver.executeScript("return window.violations")).asList()
			.contains("style-src-attr", "script-src-elem");
		assertThat(this.driver.executeScript("return window.inlineRan === undefined")).isEqualTo(true);
		assertThat(this.driver.executeScript("return document.cookie")).isEqualTo("");
		assertThat(this.driver.manage().getCookies()).isEmpty();
	}

	@Test
	void shouldShowAndLinkTheModelCard() throws Exception {
		for (String plot : List.of("roc", "calibration")) {
			WebElement image = this.driver.findElement(By.cssSelector("img[src='page/" + plot + ".svg']"));
			assertThat(this.driver.executeScript("return arguments[0].complete && arguments[0].naturalWidth", image))
				.as(plot)
				.isEqualTo(500L);
			assertThat(image.getAttribute("alt")).isNotBlank();
		}
		assertThat(this.driver.findElements(By.cssSelector("#metrics tbody tr"))).hasSize(6);
		assertThat(text("metrics")).contains("ROC AUC (5-fold cross-validation)");
		assertThat(resourcesFromElsewhere()).isEmpty();
		this.driver.findElement(By.linkText("The whole model card")).click();
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.urlToBe(baseUrl() + "/page/card.md"));
		assertThat(this.driver.findElement(By.tagName("body")).getText()).startsWith("# Model card: heart-disease")
			.contains("## Evaluation");
	}

	@Test
	void shouldPassAxeCoresAccessibilityRules() throws Exception {
		Assumptions.assumeTrue(Files.isReadable(AXE), "axe-core is not installed at " + AXE
				+ "; install it with: npm install --prefix .tools/npm axe-core@4.14.1");
		click("example");
		click("predict");
		awaitResult();
		// Through WebDriver, not a script element: the page's policy rightly refuses one.
		this.driver.executeScript(Files.readString(AXE));
		Object result = this.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ "axe.run(document).then((r) => done(JSON.stringify(r.violations.map((v) => ({ id: v.id, impact: v.impact,"
				+ " help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })))), (e) => done('error: ' + e));");
		assertThat((String) result).isEqualTo("[]");
	}

	private void click(String id) {
		this.driver.findElement(By.id(id)).click();
	}

	private String text(String id) {
		return this.driver.findElement(By.id(id)).getText();
	}

	private void awaitResult() {
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("contributions")));
	}

	private void tabTo(String id, Actions keys) {
		for (int i = 0; i < 40; i++) {
			keys.sendKeys(Keys.TAB).perform();
			if (id.equals(this.driver.switchTo().activeElement().getAttribute("id"))) {
				return;
			}
		}
		throw new AssertionError("#" + id + " is not reached by Tab");
	}

	/** @return what the surface answers the README's example over HTTP, to hold the page to */
	private JsonNode predictOverHttp() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/predict"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(Files.readString(Path.of("src/test/resources/payloads/example.json"))))
			.build();
		return mapper.readTree(client.send(request, BodyHandlers.ofByteArray()).body());
	}

	/** @return the console's errors (CSP refusals and failed loads among them) since the last call */
	private List<String> consoleErrors() {
		List<String> errors = new ArrayList<>();
		for (LogEntry entry : this.driver.manage().logs().get(LogType.BROWSER)) {
			if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
				errors.add(entry.getMessage());
			}
		}
		return errors;
	}

	/** @return the resources the page loaded from anywhere but its own server */
	@SuppressWarnings("unchecked")
	private List<String> resourcesFromElsewhere() {
		List<String> names = (List<String>) this.driver
			.executeScript("return performance.getEntriesByType('resource').map((entry) => entry.name)");
		assertThat(names).as("the page's own files were loaded").anyMatch((name) -> name.endsWith("/page/app.js"));
		return names.stream().filter((name) -> !name.startsWith(baseUrl() + "/")).toList();
	}

	/**
	 * The whole page after a prediction, written to the build directory as {@code page-SURFACE.png}. The README
	 * shows a committed copy, {@code profiles/local/page.png}, refreshed only on purpose ({@code -Dpage.screenshot=profiles/local/page.png}):
	 * Chromium's rendering changes between versions and fonts, and a test run should not dirty the work tree.
	 */
	private void screenshot() throws Exception {
		long height = (Long) this.driver.executeScript("return document.documentElement.scrollHeight");
		Dimension size = this.driver.manage().window().getSize();
		this.driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 140, 4000)));
		Path target = Path.of(PageInBrowser.class.getProtectionDomain().getCodeSource().getLocation().toURI())
			.getParent()
			.resolve("page-" + surface() + ".png");
		Files.write(target, this.driver.getScreenshotAs(OutputType.BYTES));
		this.driver.manage().window().setSize(size);
		assertThat(target).isNotEmptyFile();
		String copy = System.getProperty("page.screenshot");
		if (copy != null && !copy.isBlank()) {
			Path committed = Path.of(copy).toAbsolutePath();
			Files.createDirectories(committed.getParent());
			Files.copy(target, committed, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
