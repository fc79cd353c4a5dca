package org.heartdisease.training.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;


import org.heartdisease.model.Evaluation;
import org.heartdisease.model.ModelArtifact;
import org.heartdisease.model.ModelArtifactJson;
import org.heartdisease.training.fit.CrossValidation;
import org.heartdisease.training.fit.Curves;
import org.heartdisease.training.fit.LogisticRegressionTrainer;
import org.heartdisease.training.fit.Metrics;
import org.heartdisease.training.fit.TestData;
import org.heartdisease.training.fit.TrainingPipeline;
import org.heartdisease.training.fit.TrainingResult;
import org.heartdisease.training.fit.TrainingSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ModelCard} and its plots on the Cleveland file (skipped when it is absent): the
 * SVGs parsed as XML, the card's sections and numbers checked against the artifact.
 */
class ModelCardTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

	private static TrainingResult result;

	private static ModelCard.Files card;

	/** Trains once for the class; each test skips on its own (not the class in @BeforeAll) when the data is absent. */
	@BeforeEach
	void train() {
		Path cleveland = TestData.cleveland();
		if (result == null) {
			result = train(CLOCK, TestData.settings(cleveland));
			card = ModelCard.render(result);
		}
	}

	private static TrainingResult train(Clock clock, TrainingSettings settings) {
		return new TrainingPipeline(clock).run(settings);
	}

	static Document parse(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

	private static Element byId(Document document, String id) {
		List<Element> found = new ArrayList<>();
		NodeList all = document.getElementsByTagNameNS("*", "*");
		for (int i = 0; i < all.getLength(); i++) {
			Element element = (Element) all.item(i);
			if (id.equals(element.getAttribute("id"))) {
				found.add(element);
			}
		}
		assertThat(found).as("elements with id " + id).hasSize(1);
		return found.get(0);
	}

	private static List<Element> withClass(Document document, String tag, String className) {
		List<Element> found = new ArrayList<>();
		NodeList elements = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
		for (int i = 0; i < elements.getLength(); i++) {
			Element element = (Element) elements.item(i);
			if (className.equals(element.getAttribute("class"))) {
				found.add(element);
			}
		}
		return found;
	}

	/** Checks what every plot must have: a plain, self-contained SVG 1.1 with a white background and axes. */
	static void assertPlainPlot(Document document) {
		assertSelfContained(document, "0 0 500 500");
		assertThat(byId(document, "x-axis").getLocalName()).isEqualTo("line");
		assertThat(byId(document, "y-axis").getLocalName()).isEqualTo("line");
		assertThat(byId(document, "diagonal").getLocalName()).isEqualTo("line");
		assertThat(withClass(document, "line", "tick")).hasSize(12);
		assertThat(byId(document, "tick-labels").getElementsByTagNameNS("*", "text").getLength()).isEqualTo(12);
		assertThat(byId(document, "x-label").getTextContent()).isNotBlank();
		assertThat(byId(document, "y-label").getTextContent()).isNotBlank();
	}

	/** Checks a plain SVG 1.1 of that view box, on white, that loads, runs and links to nothing. */
	static void assertSelfContained(Document document, String viewBox) {
		Element root = document.getDocumentElement();
		assertThat(root.getLocalName()).isEqualTo("svg");
		assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
		assertThat(root.getAttribute("version")).isEqualTo("1.1");
		assertThat(root.getAttribute("viewBox")).isEqualTo(viewBox);
		Element background = byId(document, "background");
		assertThat(background.getLocalName()).isEqualTo("rect");
		assertThat(background.getAttribute("fill")).isEqualTo("#ffffff");
		assertThat(document.getElementsByTagNameNS("*", "script").getLength()).isZero();
		assertThat(document.getElementsByTagNameNS("*", "image").getLength()).isZero();
		assertThat(document.getElementsByTagNameNS("*", "style").getLength()).isZero();
		NodeList all = document.getElementsByTagNameNS("*", "*");
		for (int i = 0; i < all.getLength(); i++) {
			Element element = (Element) all.item(i);
			assertThat(element.hasAttribute("href") || element.hasAttributeNS("http://www.w3.org/1999/xlink", "href"))
				.as("%s links to another resource", element.getTagName()).isFalse();
		}
	}

	@Test
	void shouldDrawTheRocCurveOfThePooledOutOfFoldPredictions() throws Exception {
		Document roc = parse(card.roc());
		assertPlainPlot(roc);
		double[] p = result.crossValidation().probabilities();
		long distinct = Arrays.stream(p).distinct().count();
		String[] points = byId(roc, "roc-curve").getAttribute("points").split(" ");
		assertThat(points).hasSize((int) distinct + 1);
		assertThat(points[0]).isEqualTo("80.00,430.00");
		assertThat(points[points.length - 1]).isEqualTo("460.00,50.00");
		double pooled = Metrics.rocAuc(p, result.dataset().labels());
		Evaluation.CrossValidation cv = result.model().artifact().evaluation().crossValidation();
		assertThat(byId(roc, "auc-label").getTextContent())
			.isEqualTo(String.format(Locale.ROOT, "AUC %.3f (pooled out-of-fold)", pooled));
		assertThat(byId(roc, "spread-label").getTextContent()).isEqualTo(String.format(Locale.ROOT,
				"per fold: %.3f ± %.3f (mean ± SD, 5 folds)", cv.rocAuc().mean(), cv.rocAuc().sd()));
		assertThat(byId(roc, "caption").getTextContent()).contains("Out-of-fold predictions of all 303 rows, pooled");
	}

	@Test
	void shouldPlotOneCalibrationPointPerNonEmptyBin() throws Exception {
		Document calibration = parse(card.calibration());
		assertPlainPlot(calibration);
		double[] p = result.crossValidation().probabilities();
		int[] counts = new int[10];
		for (double value : p) {
			counts[Math.min((int) (value * 10), 9)]++;
		}
		List<String> nonEmpty = Arrays.stream(counts).filter((count) -> count > 0).mapToObj((count) -> "n=" + count)
			.toList();
		assertThat(withClass(calibration, "circle", "bin")).hasSize(nonEmpty.size());
		assertThat(withClass(calibration, "text", "count").stream().map(Element::getTextContent).toList())
			.containsExactlyElementsOf(nonEmpty);
		assertThat(byId(calibration, "calibration-curve").getAttribute("points").split(" ")).hasSize(nonEmpty.size());
		assertThat(Arrays.stream(counts).sum()).isEqualTo(303);
	}

	@Test
	void shouldDrawOnePanelPerFieldWithABarPerBinOrCode() throws Exception {
		Document plot = parse(card.distributions());
		assertSelfContained(plot, "0 0 800 640");
		org.heartdisease.model.TrainingDistribution distribution = result.model().artifact().trainingDistribution();
		for (org.heartdisease.model.Field field : org.heartdisease.model.Field.all()) {
			Element panel = byId(plot, "field-" + field.jsonName());
			org.heartdisease.model.TrainingDistribution.FieldDistribution one = distribution.fields().get(field.jsonName());
			int bars = one.counts().isEmpty() ? one.categories().size() : one.counts().size();
			org.w3c.dom.NodeList rects = panel.getElementsByTagName("rect");
			assertThat(rects.getLength()).as(field.jsonName()).isEqualTo(bars);
			long rows = 0;
			for (int i = 0; i < rects.getLength(); i++) {
				String tooltip = rects.item(i).getTextContent();
				rows += Long.parseLong(tooltip.replaceAll(".*: (\\d+) rows$", "$1"));
			}
			// Every training row is in one bar, or counted missing under the panel.
			assertThat(rows + one.missing()).as(field.jsonName()).isEqualTo(303);
			assertThat(panel.getTextContent()).contains("missing: " + one.missing());
		}
	}

	@Test
	void shouldLeaveEmptyBinsOut() {
		double[] p = { 0.05, 0.06, 0.95 };
		boolean[] y = { false, true, true };
		List<Curves.Bin> bins = Curves.calibration(p, y, 10);
		assertThat(bins).containsExactly(new Curves.Bin(0.0, 0.1, 2, 0.055, 0.5), new Curves.Bin(0.9, 1.0, 1, 0.95, 1.0));
		assertThat(Curves.roc(new double[] { 0.9, 0.8, 0.8, 0.1 }, new boolean[] { true, true, false, false }))
			.containsExactly(new Curves.RocPoint(0, 0), new Curves.RocPoint(0, 0.5), new Curves.RocPoint(0.5, 1),
					new Curves.RocPoint(1, 1));
	}

	@Test
	void shouldStateTheCardsFactsFromTheArtifact() {
		ModelArtifact artifact = result.model().artifact();
		Evaluation.Holdout holdout = artifact.evaluation().holdout();
		Evaluation.CrossValidation cv = artifact.evaluation().crossValidation();
		String md = card.markdown();
		assertThat(md).startsWith("# Model card: heart-disease\n")
			.contains("## Intended use and limits", "## Data", "### Label", "### Class balance", "### Missing values",
					"## Evaluation", "### Hold-out", "### Cross-validation", "### Calibration",
					"## Coefficients as odds ratios", "## Training")
			.contains("Not a medical device", "303 patients from one hospital", "in 1988")
			.contains("Janosi", "Steinbrunn", "Pfisterer", "Detrano", "(id 45)", "CC BY 4.0",
					"https://doi.org/10.24432/C52P4X")
			.contains("**The Kaggle label is inverted.**")
			.contains("| heart-disease | 139 | 45.9 % |", "| clear | 164 | 54.1 % |")
			.contains("| `ca` | 4 | the most frequent code, 0 |", "| `thal` | 2 | the most frequent code, 3 |")
			.contains(String.format(Locale.ROOT, "| ROC AUC | %.4f |", holdout.rocAuc()))
			.contains(String.format(Locale.ROOT, "| validation accuracy | %.2f %% |", 100 * holdout.validationAccuracy()))
			.contains(String.format(Locale.ROOT, "| Brier score | %.4f |", holdout.brierScore()))
			.contains(String.format(Locale.ROOT, "| ROC AUC | %.4f ± %.4f |", cv.rocAuc().mean(), cv.rocAuc().sd()))
			.contains("| **actual clear** | " + holdout.confusion().trueNegatives() + " | "
					+ holdout.confusion().falsePositives() + " |")
			.contains("| **actual heart-disease** | " + holdout.confusion().falseNegatives() + " | "
					+ holdout.confusion().truePositives() + " |")
			.contains("](heart-disease-roc.svg)", "](heart-disease-calibration.svg)", "](heart-disease-distributions.svg)")
			.contains("use the out-of-fold probabilities of all 303 rows, pooled")
			.contains("odds ratio is per one standard deviation")
			.doesNotContain(artifact.trainedAt());
		for (int i = 0; i < artifact.columns().size(); i++) {
			double coefficient = artifact.coefficients().get(i);
			assertThat(md).containsPattern("\\| `" + java.util.regex.Pattern.quote(artifact.columns().get(i))
					+ "` \\|[^|]*\\| " + java.util.regex.Pattern.quote(String.format(Locale.ROOT, "%+.4f | %.3f |",
							coefficient, Math.exp(coefficient))));
		}
		assertThat(md).contains("| `age` | age | ").contains("1 SD = 9.02 years");
	}

	/**
	 * The committed card and plots are what this code renders for the committed model's run. The
	 * card's text is rendered from the artifact and the run's out-of-fold predictions, which only the
	 * data gives, so this needs the Cleveland file; wherever it sits, the card records only its name.
	 */
	@Test
	void shouldReproduceTheCommittedCardAndPlots() throws Exception {
		assertThat(card.markdown()).isEqualTo(Files.readString(Path.of("model/heart-disease.md")));
		assertThat(card.roc()).isEqualTo(Files.readString(Path.of("model/heart-disease-roc.svg")));
		assertThat(card.calibration()).isEqualTo(Files.readString(Path.of("model/heart-disease-calibration.svg")));
		assertThat(card.distributions()).isEqualTo(Files.readString(Path.of("model/heart-disease-distributions.svg")));
	}

	@Test
	void shouldRenderTheSameBytesForTheSameDataAndSeed() {
		TrainingResult later = train(Clock.offset(CLOCK, Duration.ofDays(3)), TestData.settings(TestData.cleveland()));
		assertThat(ModelCard.render(later)).isEqualTo(card);
	}

	@Test
	void shouldWarnThatAModelOfTheKaggleFileWithTargetOneAsDiseaseIsInverted() {
		Path kaggle = TestData.kaggle();
		String inverted = ModelCard.render(train(CLOCK, TestData.settings(kaggle, "target", List.of("1"), 5)))
			.markdown();
		assertThat(inverted).contains("**Warning: this model is inverted.**")
			.contains("| Source | `heart.csv` (format `csv`) |")
			.contains(ModelCardMarkdown.KAGGLE_SHA256)
			.doesNotContain("Janosi");
		String right = ModelCard.render(train(CLOCK, TestData.settings(kaggle, "target", List.of("0"), 5)))
			.markdown();
		assertThat(right).doesNotContain("this model is inverted").contains("rightly with `target` = 0 as disease");
	}

	@Test
	void shouldPoolLeaveOneOutPredictionsAndRecordHowInTheArtifact(@TempDir Path dir) throws Exception {
		TrainingResult loo = train(CLOCK,
				TestData.settings(TestData.cleveland(), null, List.of(), TrainingSettings.LEAVE_ONE_OUT));
		ModelArtifact artifact = loo.model().artifact();
		Evaluation.CrossValidation cv = artifact.evaluation().crossValidation();
		boolean[] labels = loo.dataset().labels();
		double[] expected = CrossValidation.leaveOneOut(new LogisticRegressionTrainer(), loo.dataset());
		assertThat(loo.crossValidation().probabilities()).containsExactly(expected);
		assertThat(cv.folds()).isEqualTo(303);
		assertThat(artifact.trainer().folds()).isEqualTo(303);
		assertThat(cv.rocAuc()).isNull();
		assertThat(cv.accuracy()).isNull();
		assertThat(cv.pooled()).isEqualTo(new Evaluation.Pooled(Metrics.rocAuc(expected, labels),
				Metrics.accuracy(expected, labels, 0.5)));
		Path written = dir.resolve("loo.json");
		ModelArtifactJson.write(artifact, written);
		assertThat(Files.readString(written)).contains("\"pooled\" : {").doesNotContain("\"sd\"");
		assertThat(ModelArtifactJson.read(Files.newInputStream(written), "loo").artifact().evaluation())
			.isEqualTo(artifact.evaluation());
		String md = ModelCard.render(loo).markdown();
		assertThat(md).contains(String.format(Locale.ROOT, "| ROC AUC | %.4f |", cv.pooled().rocAuc()))
			.contains("Leave-one-out on all 303 rows").contains("--folds=loo");
		assertThat(byId(parse(ModelCard.render(loo).roc()), "spread-label").getTextContent())
			.isEqualTo("leave-one-out, 303 rows: no per-fold spread");
		// A k-fold artifact keeps the layout it always had: no pooled scores.
		assertThat(new String(ModelArtifactJson.toBytes(result.model().artifact()), StandardCharsets.UTF_8))
			.doesNotContain("pooled");
	}

}
