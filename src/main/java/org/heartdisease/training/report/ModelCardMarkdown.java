package org.heartdisease.training.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.heartdisease.model.CategoricalFeature;
import org.heartdisease.model.Evaluation;
import org.heartdisease.model.Field;
import org.heartdisease.model.ModelArtifact;
import org.heartdisease.model.NumericFeature;
import org.heartdisease.training.fit.Curves;
import org.heartdisease.training.fit.Dataset;
import org.heartdisease.training.fit.DatasetFormat;
import org.heartdisease.training.fit.Metrics;
import org.heartdisease.training.fit.TrainingResult;

/**
 * The model card's Markdown, from the template {@value #TEMPLATE}. The prose is a template, not Java
 * strings, so that it reads, and is edited, as the Markdown it becomes; this class works out only
 * what goes in its placeholders (figures, the rows of tables that grow with the data, the command
 * that trains the model again) and which of its passages fit the data.
 */
final class ModelCardMarkdown {

	/** The card's prose: placeholders for all that depends on the run, passages for what depends on the data. */
	static final String TEMPLATE = "training/model-card.md";

	/** The SHA-256 of the UCI Cleveland file, {@code processed.cleveland.data}. */
	static final String CLEVELAND_SHA256 = "a74b7efa387bc9d108d7d0115d831fe9b414b29ae7124f331b622b4efa0427c8";

	/** The SHA-256 of the Kaggle "Heart Disease UCI" {@code heart.csv}, whose label is inverted. */
	static final String KAGGLE_SHA256 = "7c3014365675306819510a49ff289efbec1d1a6a666a2dc7652f1547b383d859";

	private ModelCardMarkdown() {
	}

	/**
	 * @param result the training run
	 * @param pooledAuc the ROC AUC of the pooled out-of-fold predictions
	 * @param bins the calibration plot's bins
	 * @return the card's Markdown
	 */
	static String render(TrainingResult result, double pooledAuc, List<Curves.Bin> bins) {
		CardTemplate template = CardTemplate.load(TEMPLATE);
		ModelArtifact artifact = result.model().artifact();
		ModelArtifact.Dataset data = artifact.dataset();
		ModelArtifact.Trainer trainer = artifact.trainer();
		Evaluation.Holdout holdout = artifact.evaluation().holdout();
		Evaluation.CrossValidation cv = artifact.evaluation().crossValidation();
		Evaluation.ConfusionMatrix m = holdout.confusion();
		Map<String, List<String>> markers = result.dataset().missingMarkers();
		double[] p = result.crossValidation().probabilities();
		boolean[] y = result.dataset().labels();
		CardTemplate.Values values = new CardTemplate.Values().set("tag", artifact.tag())
			.set("labels.positive", artifact.labels().positive()).set("labels.negative", artifact.labels().negative())
			.set("data.source", data.source()).set("data.format", data.format()).set("data.sha256", data.sha256())
			.set("data.rows", data.rows()).set("data.label", data.label())
			.set("data.positiveValues", String.join(" or ", data.positiveValues()))
			.set("data.positiveOption", String.join(",", data.positiveValues()))
			.set("data.positives", data.positives()).set("data.negatives", data.negatives())
			.set("data.positiveShare", format("%.1f", 100.0 * data.positives() / data.rows()))
			.set("data.negativeShare", format("%.1f", 100.0 * data.negatives() / data.rows()))
			.set("missing.rows", missing(artifact)).set("missing.markers", markerList(markers))
			.set("missing.option", TrainingReport.markers(markers))
			.set("threshold", decimal(artifact.threshold()))
			.set("holdout.trainingRows", holdout.trainingRows()).set("holdout.validationRows", holdout.validationRows())
			.set("holdout.trainingAccuracy", format("%.2f", 100 * holdout.trainingAccuracy()))
			.set("holdout.validationAccuracy", format("%.2f", 100 * holdout.validationAccuracy()))
			.set("holdout.rocAuc", format("%.4f", holdout.rocAuc()))
			.set("holdout.logLoss", format("%.4f", holdout.logLoss()))
			.set("holdout.brierScore", format("%.4f", holdout.brierScore()))
			.set("confusion.trueNegatives", m.trueNegatives()).set("confusion.falsePositives", m.falsePositives())
			.set("confusion.falseNegatives", m.falseNegatives()).set("confusion.truePositives", m.truePositives())
			.set("confusion.actualPositives", m.truePositives() + m.falseNegatives())
			.set("confusion.actualNegatives", m.trueNegatives() + m.falsePositives())
			.set("confusion.sensitivity", percent(m.truePositives(), m.truePositives() + m.falseNegatives()))
			.set("confusion.specificity", percent(m.trueNegatives(), m.trueNegatives() + m.falsePositives()))
			.set("cv.folds", cv.folds())
			.set("pooled.rows", y.length).set("pooled.method", result.crossValidation().method())
			.set("pooled.rocAuc", format("%.4f", pooledAuc))
			.set("pooled.accuracy", format("%.2f", 100 * Metrics.accuracy(p, y, artifact.threshold())))
			.set("pooled.logLoss", format("%.4f", Metrics.logLoss(p, y)))
			.set("pooled.brierScore", format("%.4f", Metrics.brierScore(p, y)))
			.set("rocPlot.label", ModelCard.aucLabel(pooledAuc)).set("rocPlot.file", ModelCard.rocName(artifact.tag()))
			.set("calibrationPlot.bins", ModelCard.CALIBRATION_BINS)
			.set("calibrationPlot.file", ModelCard.calibrationName(artifact.tag()))
			.set("distributionsPlot.file", ModelCard.distributionsName(artifact.tag()))
			.set("calibrationPlot.rows", calibration(bins))
			.set("coefficients.rows", coefficients(artifact))
			.set("intercept", format("%+.4f", artifact.intercept()))
			.set("intercept.odds", format("%.3f", Math.exp(artifact.intercept())))
			.set("trainer.solver", trainer.solver()).set("trainer.c", decimal(trainer.c()))
			.set("trainer.epsilon", format("%.0e", trainer.epsilon()))
			.set("trainer.interceptPenalised", trainer.interceptPenalised() ? "yes" : "no")
			.set("libraries.liblinear", artifact.libraries().getOrDefault("liblinear", "?"))
			.set("trainer.seed", trainer.seed()).set("trainer.testSize", decimal(trainer.testSize()))
			.set("trainer.folds", (cv.pooled() != null) ? "leave-one-out" : trainer.folds() + " folds")
			.set("command", command(artifact, result.dataset()));
		if (cv.pooled() == null) {
			values.set("cv.rocAuc.mean", format("%.4f", cv.rocAuc().mean()))
				.set("cv.rocAuc.sd", format("%.4f", cv.rocAuc().sd()))
				.set("cv.accuracy.mean", format("%.2f", 100 * cv.accuracy().mean()))
				.set("cv.accuracy.sd", format("%.2f", 100 * cv.accuracy().sd()));
		}
		else {
			values.set("cv.pooled.rocAuc", format("%.4f", cv.pooled().rocAuc()))
				.set("cv.pooled.accuracy", format("%.2f", 100 * cv.pooled().accuracy()));
		}
		passages(template, values, result);
		// The template's passages end without a line break; a text file ends with one.
		return template.fill("card", values) + "\n";
	}

	/** Picks the passages that fit the data; the separators put an optional one on a line of its own. */
	private static void passages(CardTemplate template, CardTemplate.Values values, TrainingResult result) {
		ModelArtifact.Dataset data = result.model().artifact().dataset();
		boolean cleveland = CLEVELAND_SHA256.equals(data.sha256());
		boolean kaggle = KAGGLE_SHA256.equals(data.sha256());
		boolean uci = DatasetFormat.UCI.is(data.format());
		boolean inverted = kaggle && !data.positiveValues().equals(List.of("0"));
		boolean pooled = result.model().artifact().evaluation().crossValidation().pooled() != null;
		values.text("narrowData", template.passage(cleveland ? "narrow-data.cleveland" : "narrow-data.other"))
			.text("inputCoding", template.passage(uci ? "input-coding.uci" : "input-coding.other"))
			.text("clevelandRows", cleveland ? template.passage("provenance.cleveland-rows") + "\n" : "")
			.text("provenance", template.passage(cleveland ? "provenance.cleveland" : "provenance.other"))
			.text("numNote", ("num".equals(data.label()) && uci) ? "\n" + template.passage("label.num") : "")
			.text("kaggleNote", template.passage(inverted ? "kaggle.inverted-model" : "kaggle.inverted-label"))
			.text("trainedOnKaggle", kaggle ? " " + template.passage("kaggle.trained-on-it") : "")
			.text("missingValues", template.passage(data.missing().isEmpty() ? "missing.none" : "missing.filled-in"))
			.text("missingMarkers", result.dataset().missingMarkers().isEmpty() ? ""
					: "\n\n" + template.passage("missing.markers"))
			.text("crossValidation", template.passage(pooled ? "cross-validation.leave-one-out"
					: "cross-validation.folds"));
	}

	private static String percent(int part, int whole) {
		return (whole == 0) ? "–" : format("%.1f %%", 100.0 * part / whole);
	}

	/** @return the calibration table's rows, one per non-empty bin */
	private static String calibration(List<Curves.Bin> bins) {
		return bins.stream().map((bin) -> format("| %.1f–%.1f | %d | %.3f | %.3f |", bin.lower(), bin.upper(),
				bin.rows(), bin.meanPredicted(), bin.observed())).collect(Collectors.joining("\n"));
	}

	/** @return the missing values' rows: field, rows missing it, what fills it in */
	private static String missing(ModelArtifact artifact) {
		return artifact.dataset().missing().entrySet().stream().map((entry) -> format("| `%s` | %d | %s |",
				entry.getKey(), entry.getValue(), fill(artifact, entry.getKey()))).collect(Collectors.joining("\n"));
	}

	/** @return the values {@code --missing} read as missing, as {@code `ca` = 4, `thal` = 0} */
	private static String markerList(Map<String, List<String>> markers) {
		return markers.entrySet().stream()
			.map((entry) -> "`" + entry.getKey() + "` = " + String.join(" or ", entry.getValue()))
			.collect(Collectors.joining(", "));
	}

	/** @return the coefficients' rows: column, meaning, coefficient, odds ratio, what one step is */
	private static String coefficients(ModelArtifact artifact) {
		boolean uci = DatasetFormat.UCI.is(artifact.dataset().format());
		return IntStream.range(0, artifact.columns().size()).mapToObj((i) -> {
			String column = artifact.columns().get(i);
			double coefficient = artifact.coefficients().get(i);
			return format("| `%s` | %s | %+.4f | %.3f | %s |", column, meaning(column, uci), coefficient,
					Math.exp(coefficient), per(artifact, column));
		}).collect(Collectors.joining("\n"));
	}

	private static String fill(ModelArtifact artifact, String field) {
		Optional<NumericFeature> numeric = artifact.preprocessing().numeric().stream()
			.filter((feature) -> feature.name().equals(field)).findFirst();
		if (numeric.isPresent()) {
			return "the median, " + decimal(numeric.get().median());
		}
		return artifact.preprocessing().categorical().stream().filter((feature) -> feature.name().equals(field))
			.findFirst().map((feature) -> "the most frequent code, " + feature.mode()).orElse("–");
	}

	private static String meaning(String column, boolean uci) {
		String[] parts = column.split("=", 2);
		Optional<Field> field = Field.byJsonName(parts[0]);
		if (field.isEmpty()) {
			return "";
		}
		if (parts.length == 1) {
			return field.get().description();
		}
		String label = uci ? field.get().codeLabels().get(Integer.parseInt(parts[1])) : null;
		return field.get().description() + ((label != null) ? ": " + label : " = " + parts[1]);
	}

	private static String per(ModelArtifact artifact, String column) {
		for (NumericFeature feature : artifact.preprocessing().numeric()) {
			if (feature.name().equals(column)) {
				String unit = Field.byJsonName(column).map(Field::unit).orElse(null);
				return format("1 SD = %.3g%s", feature.scale(), (unit != null) ? " " + unit : "");
			}
		}
		String field = column.split("=", 2)[0];
		for (CategoricalFeature feature : artifact.preprocessing().categorical()) {
			if (feature.name().equals(field)) {
				return "this code (column 0 → 1)";
			}
		}
		return "";
	}

	/**
	 * @param artifact the model's artifact
	 * @param read the data as the run read it: its {@code --negative} and {@code --missing}
	 * @return the {@code --train} options that train the same model again
	 */
	private static String command(ModelArtifact artifact, Dataset read) {
		ModelArtifact.Trainer trainer = artifact.trainer();
		ModelArtifact.Dataset data = artifact.dataset();
		// The artifact records a local file by its name; the project's documented place for data is datasets/.
		boolean url = data.source().contains("://");
		StringBuilder command = new StringBuilder("--train --dataset=").append(url ? "" : "datasets/")
			.append(data.source());
		if (DatasetFormat.CSV.is(data.format())) {
			command.append(" --label=").append(data.label()).append(" --positive=")
				.append(String.join(",", data.positiveValues()));
			if (!read.negativeValues().isEmpty()) {
				command.append(" --negative=").append(String.join(",", read.negativeValues()));
			}
		}
		if (!read.missingMarkers().isEmpty()) {
			command.append(" --missing=").append(TrainingReport.markers(read.missingMarkers()));
		}
		command.append(" --seed=").append(trainer.seed()).append(" --test-size=").append(decimal(trainer.testSize()))
			.append(" --folds=").append((artifact.evaluation().crossValidation().pooled() != null) ? "loo"
					: String.valueOf(trainer.folds()));
		if (!artifact.tag().isEmpty()) {
			command.append(" --tag=").append(artifact.tag());
		}
		return command.toString();
	}

	/** @return a number in its shortest exact decimal form, for settings like 0.5 or 1.0 */
	private static String decimal(double value) {
		return String.valueOf(value);
	}

	private static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

}
