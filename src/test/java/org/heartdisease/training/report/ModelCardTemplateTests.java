package org.heartdisease.training.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.model.ModelArtifact;
import org.heartdisease.training.fit.SyntheticData;
import org.heartdisease.training.fit.TrainingPipeline;
import org.heartdisease.training.fit.TrainingResult;
import org.heartdisease.training.fit.TrainingSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the model card's template, {@code training/model-card.md}, and {@link CardTemplate}, on
 * synthetic data only, so that they run on a fresh clone: every passage is reached and filled in
 * completely, and a placeholder without a value fails instead of reaching the card.
 */
class ModelCardTemplateTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

	@Test
	void shouldFailOnAPlaceholderWithoutAValue() {
		CardTemplate template = CardTemplate.parse("test.md", "<!-- card -->\nRows: ${data.rows}, ${data.rwos}\n");
		CardTemplate.Values values = new CardTemplate.Values().set("data.rows", 303);
		assertThatIllegalStateException().isThrownBy(() -> template.fill("card", values))
			.withMessage("test.md, passage card: no value for the placeholder ${data.rwos}");
	}

	@Test
	void shouldFailOnAMisspeltPlaceholderInsideAPassage() {
		CardTemplate template = CardTemplate.parse("test.md", "<!-- card -->\nA ${note}.\n<!-- note -->\n${rwos} rows\n");
		CardTemplate.Values values = new CardTemplate.Values().set("rows", 303).text("note", template.passage("note"));
		assertThatIllegalStateException().isThrownBy(() -> template.fill("card", values))
			.withMessageContaining("${rwos}");
	}

	@Test
	void shouldFailOnAPassageTheTemplateDoesNotHave() {
		CardTemplate template = CardTemplate.parse("test.md", "<!-- card -->\nText\n");
		assertThatIllegalStateException().isThrownBy(() -> template.passage("crad"))
			.withMessage("test.md has no passage named crad; it has [card]");
		assertThatIllegalStateException()
			.isThrownBy(() -> CardTemplate.parse("test.md", "<!-- card -->\nA\n<!-- card -->\nB\n"))
			.withMessage("test.md has two passages named card");
	}

	@Test
	void shouldSplitPassagesAtTheirMarkersAndTakeDataLiterally() {
		CardTemplate template = CardTemplate.parse("test.md",
				"<!--\nA note, not a passage: ${none}\n-->\n<!-- card -->\n# ${title}\n\n${body}\n\n<!-- body -->\nfrom `${source}`\n\n\n");
		CardTemplate.Values values = new CardTemplate.Values().set("title", "T").set("source", "odd ${name} \\ file")
			.text("body", template.passage("body"));
		assertThat(template.passage("body")).isEqualTo("from `${source}`");
		assertThat(template.fill("card", values)).isEqualTo("# T\n\nfrom `odd ${name} \\ file`");
	}

	/**
	 * Renders the card for runs that between them reach every passage of the real template: any
	 * placeholder misspelt there, or passage misnamed in {@link ModelCardMarkdown}, fails here.
	 */
	@Test
	void shouldReachEveryPassageOfTheTemplateAndFillInEveryPlaceholder(@TempDir Path dir) throws IOException {
		String file = SyntheticData.uciFile(dir, 120, 3).toString();
		TrainingResult folds = train(file, Map.of(), 5);
		TrainingResult leaveOneOut = train(file, Map.of("thal", List.of("7")), TrainingSettings.LEAVE_ONE_OUT);
		List<String> cards = new ArrayList<>();
		cards.add(ModelCard.render(folds).markdown());
		cards.add(ModelCard.render(leaveOneOut).markdown());
		cards.add(ModelCard.render(as(folds, "processed.cleveland.data", ModelCardMarkdown.CLEVELAND_SHA256,
				ModelArtifact.Dataset.UCI_FORMAT, "num", "1,2,3,4")).markdown());
		cards.add(ModelCard.render(as(folds, "heart.csv", ModelCardMarkdown.KAGGLE_SHA256,
				ModelArtifact.Dataset.CSV_FORMAT, "target", "1")).markdown());
		cards.add(ModelCard.render(as(leaveOneOut, "heart ${x}.csv", ModelCardMarkdown.KAGGLE_SHA256,
				ModelArtifact.Dataset.CSV_FORMAT, "target", "0")).markdown());
		for (String card : cards) {
			// The last run's file name holds ${ on purpose: data is never read as a placeholder.
			assertThat(card.replace("heart ${x}.csv", "heart.csv")).startsWith("# Model card: heart-disease-template-test\n").endsWith("```\n")
				.doesNotContain("${", "<!--").doesNotContainPattern("\n\n\n");
		}
		assertThat(cards.get(4)).contains("| Source | `heart ${x}.csv` (format `csv`) |");
		CardTemplate template = CardTemplate.load(ModelCardMarkdown.TEMPLATE);
		for (String passage : template.names()) {
			String literal = Arrays.stream(template.passage(passage).split("\\$\\{[^}]*\\}"))
				.max(Comparator.comparingInt(String::length)).orElseThrow();
			assertThat(cards).as("a card with the passage %s: %s", passage, literal)
				.anyMatch((card) -> card.contains(literal));
		}
	}

	private static TrainingResult train(String file, Map<String, List<String>> missing, int folds) {
		return new TrainingPipeline(CLOCK).run(new TrainingSettings(file, null, null, null, List.of(), List.of(),
				missing, 0.2, 42, folds, "-template-test"));
	}

	/** @return the run, as if its data had come from another file */
	private static TrainingResult as(TrainingResult run, String source, String sha256, String format, String label,
			String positive) {
		ModelArtifact a = run.model().artifact();
		ModelArtifact.Dataset d = a.dataset();
		ModelArtifact.Dataset data = new ModelArtifact.Dataset(source, sha256, format, d.rows(), label,
				List.of(positive.split(",")), d.positives(), d.negatives(), d.missing());
		ModelArtifact artifact = new ModelArtifact(a.format(), a.schemaVersion(), a.tag(), a.trainedAt(), a.labels(),
				a.threshold(), a.preprocessing(), a.columns(), a.coefficients(), a.intercept(), a.evaluation(), data,
				a.trainer(), a.libraries(), a.trainingDistribution());
		return new TrainingResult(run.dataset(), new HeartDiseaseModel(artifact), run.crossValidation());
	}

}
