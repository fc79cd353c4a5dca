package org.heartdisease.training.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.heartdisease.model.CategoricalFeature;
import org.heartdisease.model.Evaluation;
import org.heartdisease.model.Field;
import org.heartdisease.model.ModelArtifact;
import org.heartdisease.model.NumericFeature;
import org.heartdisease.training.fit.Curves;
import org.heartdisease.training.fit.Dataset;
import org.heartdisease.training.fit.DatasetFormat;
import org.heartdisease.training.fit.Metrics;
import org.heartdisease.training.fit.TrainingException;
import org.heartdisease.training.fit.TrainingResult;

/**
 * The model card written beside an artifact: a Markdown page on the data, its licence and label,
 * the evaluation with an ROC curve and a calibration plot (SVG files beside it), the coefficients
 * as odds ratios, and the intended use and limits. It holds nothing that changes between two runs
 * on the same data and seed (no time, no checksum of the artifact, no JVM), so it is reproducible
 * byte for byte.
 */
public final class ModelCard {

	/** The SHA-256 of the UCI Cleveland file, {@code processed.cleveland.data}. */
	static final String CLEVELAND_SHA256 = "a74b7efa387bc9d108d7d0115d831fe9b414b29ae7124f331b622b4efa0427c8";

	/** The SHA-256 of the Kaggle "Heart Disease UCI" {@code heart.csv}, whose label is inverted. */
	static final String KAGGLE_SHA256 = "7c3014365675306819510a49ff289efbec1d1a6a666a2dc7652f1547b383d859";

	/** The number of equal-width bins of the calibration plot. */
	static final int CALIBRATION_BINS = 10;

	/**
	 * The card's three files, as text.
	 * @param markdown the card, {@code heart-disease{tag}.md}
	 * @param roc the ROC curve, {@code heart-disease{tag}-roc.svg}
	 * @param calibration the calibration plot, {@code heart-disease{tag}-calibration.svg}
	 */
	public record Files(String markdown, String roc, String calibration) {
	}

	private ModelCard() {
	}

	/** @return the ROC plot's file name for an artifact tag */
	static String rocName(String tag) {
		return "heart-disease" + tag + "-roc.svg";
	}

	/** @return the calibration plot's file name for an artifact tag */
	static String calibrationName(String tag) {
		return "heart-disease" + tag + "-calibration.svg";
	}

	/**
	 * Writes the card and its plots beside the artifact, each atomically.
	 * @param result the training run
	 * @param card the Markdown file; the plots go beside it
	 * @return the files written: the card, the ROC plot, the calibration plot
	 * @throws TrainingException if a file cannot be written
	 */
	public static List<Path> write(TrainingResult result, Path card) {
		Files files = render(result);
		String tag = result.model().artifact().tag();
		Path directory = card.toAbsolutePath().getParent();
		Path roc = resolveSibling(card, rocName(tag));
		Path calibration = resolveSibling(card, calibrationName(tag));
		try {
			java.nio.file.Files.createDirectories(directory);
			writeAtomically(roc, files.roc());
			writeAtomically(calibration, files.calibration());
			writeAtomically(card, files.markdown());
		}
		catch (IOException ex) {
			throw new TrainingException("cannot write the model card " + card + ": " + ex, ex);
		}
		return List.of(card, roc, calibration);
	}

	private static Path resolveSibling(Path card, String name) {
		return (card.getParent() != null) ? card.resolveSibling(name) : Path.of(name);
	}

	private static void writeAtomically(Path target, String content) throws IOException {
		Path temporary = java.nio.file.Files.createTempFile(target.toAbsolutePath().getParent(),
				target.getFileName().toString(), ".tmp");
		try {
			java.nio.file.Files.writeString(temporary, content, StandardCharsets.UTF_8);
			try {
				java.nio.file.Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING,
						StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				java.nio.file.Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			java.nio.file.Files.deleteIfExists(temporary);
		}
	}

	/**
	 * @param result the training run
	 * @return the card and its plots, the same for the same data and seed
	 */
	public static Files render(TrainingResult result) {
		ModelArtifact artifact = result.model().artifact();
		double[] probabilities = result.crossValidation().probabilities();
		boolean[] labels = result.dataset().labels();
		Evaluation.CrossValidation cv = artifact.evaluation().crossValidation();
		double pooledAuc = Metrics.rocAuc(probabilities, labels);
		String caption = String.format(Locale.ROOT, "Out-of-fold predictions of all %d rows, pooled (%s)",
				labels.length, result.crossValidation().method());
		String roc = ModelCardPlots.roc(Curves.roc(probabilities, labels), aucLabel(pooledAuc), spreadLabel(cv),
				caption);
		List<Curves.Bin> bins = Curves.calibration(probabilities, labels, CALIBRATION_BINS);
		String calibration = ModelCardPlots.calibration(bins, caption);
		return new Files(markdown(result, pooledAuc, bins), roc, calibration);
	}

	/** @return the ROC plot's AUC label */
	static String aucLabel(double pooledAuc) {
		return String.format(Locale.ROOT, "AUC %.3f (pooled out-of-fold)", pooledAuc);
	}

	/** @return the ROC plot's line on the spread of the AUC over folds */
	static String spreadLabel(Evaluation.CrossValidation cv) {
		if (cv.pooled() != null) {
			return String.format(Locale.ROOT, "leave-one-out, %d rows: no per-fold spread", cv.folds());
		}
		return String.format(Locale.ROOT, "per fold: %.3f ± %.3f (mean ± SD, %d folds)", cv.rocAuc().mean(),
				cv.rocAuc().sd(), cv.folds());
	}

	private static String markdown(TrainingResult result, double pooledAuc, List<Curves.Bin> bins) {
		ModelArtifact artifact = result.model().artifact();
		ModelArtifact.Dataset data = artifact.dataset();
		String tag = artifact.tag();
		boolean cleveland = CLEVELAND_SHA256.equals(data.sha256());
		Markdown md = new Markdown();
		md.line("# Model card: heart-disease%s", tag);
		md.line();
		md.line("A logistic regression that estimates the probability of heart disease from 13 clinical measurements.");
		md.line("`--train` wrote this card with the artifact [`heart-disease%s.json`](heart-disease%s.json), from the "
				+ "same run; the artifact's `trainedAt` gives the time of training and its `contentSha256` identifies "
				+ "it. Every number here comes from that run.", tag, tag);
		md.line();
		md.line("> **Decision support for a demonstration only. Not a medical device.** It must not be used to "
				+ "diagnose, treat or reassure any real patient.");
		md.line();
		intendedUse(md, data, cleveland);
		dataSection(md, artifact, cleveland, result.dataset().missingMarkers());
		evaluation(md, result, pooledAuc, bins);
		oddsRatios(md, artifact);
		training(md, artifact, result.dataset());
		return md.toString();
	}

	private static void intendedUse(Markdown md, ModelArtifact.Dataset data, boolean cleveland) {
		md.line("## Intended use and limits");
		md.line();
		md.line("- **Intended use:** to show how a small, explainable model can support, never replace, a clinician's "
				+ "judgement: a probability to discuss beside the patient, the history and proper tests.");
		md.line("- **Not a medical device:** it is not validated, certified or approved for clinical use, and its "
				+ "answers carry no medical authority.");
		if (cleveland) {
			md.line("- **Narrow data:** trained on %d patients from one hospital (Cleveland Clinic Foundation) in 1988, "
					+ "referred for angiography. Populations, practice and equipment have changed since; it has not "
					+ "been validated on any other population, and its probabilities do not transfer to people unlike "
					+ "these patients.", data.rows());
		}
		else {
			md.line("- **Narrow data:** trained on %d rows of `%s`; what population they come from is for whoever "
					+ "supplied the file to say, and the model has not been validated beyond them.", data.rows(),
					data.source());
		}
		md.line("- **Small samples:** the scores below come from a few hundred rows; the spread over "
				+ "cross-validation folds shows how uncertain they are.");
		md.line("- **Associations, not causes:** the odds ratios describe this data set, adjusted for the other "
				+ "columns; they do not say what changing a measurement would do.");
		md.line("- **Inputs must use the coding of the training data** (%s); other codes are not understood.",
				DatasetFormat.UCI.is(data.format()) ? "the UCI codes, for example `cp` 1–4" : "the coding of `" + data.source()
						+ "`");
		md.line();
	}

	private static void dataSection(Markdown md, ModelArtifact artifact, boolean cleveland,
			Map<String, List<String>> markers) {
		ModelArtifact.Dataset data = artifact.dataset();
		ModelArtifact.Labels labels = artifact.labels();
		md.line("## Data");
		md.line();
		md.line("| | |");
		md.line("|---|---|");
		if (cleveland) {
			md.line("| Data set | UCI Machine Learning Repository, \"Heart Disease\" (id 45), Cleveland Clinic "
					+ "subset, `processed.cleveland.data` |");
			md.line("| Donors | Andras Janosi, William Steinbrunn, Matthias Pfisterer, Robert Detrano (1988) |");
			md.line("| Licence | [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/) |");
			md.line("| Where to get it | <https://archive.ics.uci.edu/dataset/45/heart+disease> |");
		}
		md.line("| Source | `%s` (format `%s`) |", data.source(), data.format());
		md.line("| SHA-256 | `%s` |", data.sha256());
		md.line("| Rows | %d |", data.rows());
		md.line();
		if (cleveland) {
			md.line("Cite it as:");
			md.line();
			md.line("> Janosi, A., Steinbrunn, W., Pfisterer, M., & Detrano, R. (1988). Heart Disease [Dataset]. "
					+ "UCI Machine Learning Repository. https://doi.org/10.24432/C52P4X");
		}
		else {
			md.line("This is not the UCI Cleveland file this project documents: its provenance and licence are only "
					+ "what is recorded above, the source and SHA-256 it was read with.");
		}
		md.line();
		md.line("### Label");
		md.line();
		md.line("`%s` when the column `%s` is %s; `%s` otherwise.", labels.positive(), data.label(),
				String.join(" or ", data.positiveValues()), labels.negative());
		if ("num".equals(data.label()) && DatasetFormat.UCI.is(data.format())) {
			md.line("`num` is the angiographic disease status: 0 means less than 50 %% diameter narrowing in every "
					+ "major vessel, 1–4 more than 50 %% in at least one.");
		}
		md.line();
		boolean kaggle = KAGGLE_SHA256.equals(data.sha256());
		if (kaggle && !data.positiveValues().equals(List.of("0"))) {
			md.line("> **Warning: this model is inverted.** It was trained on the Kaggle `heart.csv`, whose `target` "
					+ "= 1 marks patients *without* disease, but took `target` = %s as disease: it answers the "
					+ "opposite of the truth. Retrain with `--label=target --positive=0`.",
					String.join(",", data.positiveValues()));
		}
		else {
			md.line("> **The Kaggle label is inverted.** The Kaggle \"Heart Disease UCI\" `heart.csv` holds the same "
					+ "303 patients, but its `target` = 1 marks those *without* disease (UCI `num` = 0). A model "
					+ "that takes `target` = 1 as disease, as the original Python demo did, answers the opposite of "
					+ "the truth; train on that file only with `--label=target --positive=0`.%s",
					kaggle ? " This model was trained on it, rightly with `target` = 0 as disease." : "");
		}
		md.line();
		md.line("### Class balance");
		md.line();
		md.line("| diagnosis | rows | share |");
		md.line("|---|---:|---:|");
		md.line("| %s | %d | %.1f %% |", labels.positive(), data.positives(), 100.0 * data.positives() / data.rows());
		md.line("| %s | %d | %.1f %% |", labels.negative(), data.negatives(), 100.0 * data.negatives() / data.rows());
		md.line();
		md.line("### Missing values");
		md.line();
		if (data.missing().isEmpty()) {
			md.line("None.");
		}
		else {
			md.line("Rows with missing values are kept: the pipeline fills in the median of a numeric field and the "
					+ "most frequent code of a categorical one, learnt from the rows it is fitted on (below: from all rows).");
			md.line();
			md.line("| field | rows missing it | filled in with |");
			md.line("|---|---:|---|");
			for (Map.Entry<String, Integer> entry : data.missing().entrySet()) {
				md.line("| `%s` | %d | %s |", entry.getKey(), entry.getValue(), fill(artifact, entry.getKey()));
			}
		}
		if (!markers.isEmpty()) {
			md.line();
			md.line("Besides `?` and empty cells, these values were read as missing (`--missing=%s`): %s.",
					TrainingReport.markers(markers), markers.entrySet().stream()
						.map((entry) -> "`" + entry.getKey() + "` = " + String.join(" or ", entry.getValue()))
						.collect(java.util.stream.Collectors.joining(", ")));
		}
		md.line();
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

	private static void evaluation(Markdown md, TrainingResult result, double pooledAuc, List<Curves.Bin> bins) {
		ModelArtifact artifact = result.model().artifact();
		Evaluation.Holdout holdout = artifact.evaluation().holdout();
		Evaluation.CrossValidation cv = artifact.evaluation().crossValidation();
		Evaluation.ConfusionMatrix m = holdout.confusion();
		ModelArtifact.Labels labels = artifact.labels();
		String tag = artifact.tag();
		md.line("## Evaluation");
		md.line();
		md.line("### Hold-out");
		md.line();
		md.line("A stratified split, seeded with %d: a model fitted on %d rows, scored on the %d held out "
				+ "(threshold %s).", artifact.trainer().seed(), holdout.trainingRows(), holdout.validationRows(),
				decimal(artifact.threshold()));
		md.line();
		md.line("| metric | value |");
		md.line("|---|---:|");
		md.line("| training accuracy | %.2f %% |", 100 * holdout.trainingAccuracy());
		md.line("| validation accuracy | %.2f %% |", 100 * holdout.validationAccuracy());
		md.line("| ROC AUC | %.4f |", holdout.rocAuc());
		md.line("| log loss | %.4f |", holdout.logLoss());
		md.line("| Brier score | %.4f |", holdout.brierScore());
		md.line();
		md.line("Confusion matrix of the %d held-out rows:", holdout.validationRows());
		md.line();
		md.line("| | predicted %s | predicted %s |", labels.negative(), labels.positive());
		md.line("|---|---:|---:|");
		md.line("| **actual %s** | %d | %d |", labels.negative(), m.trueNegatives(), m.falsePositives());
		md.line("| **actual %s** | %d | %d |", labels.positive(), m.falseNegatives(), m.truePositives());
		md.line();
		md.line("Sensitivity %d/%d = %s, specificity %d/%d = %s.", m.truePositives(), m.truePositives() + m.falseNegatives(),
				percent(m.truePositives(), m.truePositives() + m.falseNegatives()), m.trueNegatives(),
				m.trueNegatives() + m.falsePositives(), percent(m.trueNegatives(), m.trueNegatives() + m.falsePositives()));
		md.line();
		md.line("### Cross-validation");
		md.line();
		if (cv.pooled() == null) {
			md.line("Stratified %d-fold cross-validation on all %d rows, seeded with %d: each fold scored by a pipeline "
					+ "(imputation and scaling included) fitted on the other folds.", cv.folds(),
					artifact.dataset().rows(), artifact.trainer().seed());
			md.line();
			md.line("| metric | mean ± SD over %d folds |", cv.folds());
			md.line("|---|---:|");
			md.line("| ROC AUC | %.4f ± %.4f |", cv.rocAuc().mean(), cv.rocAuc().sd());
			md.line("| accuracy | %.2f %% ± %.2f %% |", 100 * cv.accuracy().mean(), 100 * cv.accuracy().sd());
		}
		else {
			md.line("Leave-one-out on all %d rows: each row scored by a pipeline fitted on all the other rows. A "
					+ "one-row fold has no ROC AUC, so the artifact records the scores of the %d predictions pooled "
					+ "(`evaluation.crossValidation.pooled`).", cv.folds(), cv.folds());
			md.line();
			md.line("| metric | pooled over %d rows |", cv.folds());
			md.line("|---|---:|");
			md.line("| ROC AUC | %.4f |", cv.pooled().rocAuc());
			md.line("| accuracy | %.2f %% |", 100 * cv.pooled().accuracy());
		}
		md.line();
		double[] p = result.crossValidation().probabilities();
		boolean[] y = result.dataset().labels();
		md.line("### Out-of-fold predictions, pooled: the plots");
		md.line();
		md.line("Both plots, and the table below, use the out-of-fold probabilities of all %d rows, pooled: each row's "
				+ "probability comes from the cross-validation model that did not see it (%s). They describe the "
				+ "pipeline on unseen rows; the final model, refitted on all rows, is not what they show.", y.length,
				result.crossValidation().method());
		md.line();
		md.line("| metric | pooled out-of-fold |");
		md.line("|---|---:|");
		md.line("| ROC AUC | %.4f |", pooledAuc);
		md.line("| accuracy (threshold %s) | %.2f %% |", decimal(artifact.threshold()),
				100 * Metrics.accuracy(p, y, artifact.threshold()));
		md.line("| log loss | %.4f |", Metrics.logLoss(p, y));
		md.line("| Brier score | %.4f |", Metrics.brierScore(p, y));
		md.line();
		md.line("![ROC curve of the pooled out-of-fold predictions, %s](%s)", aucLabel(pooledAuc), rocName(tag));
		md.line();
		md.line("### Calibration");
		md.line();
		md.line("Of the rows given a probability in each bin, the share that has the disease; a well-calibrated model "
				+ "follows the diagonal. %d equal-width bins; empty bins are left out.", CALIBRATION_BINS);
		md.line();
		md.line("![Calibration plot of the pooled out-of-fold predictions](%s)", calibrationName(tag));
		md.line();
		md.line("| predicted probability | rows | mean predicted | observed share with disease |");
		md.line("|---|---:|---:|---:|");
		for (Curves.Bin bin : bins) {
			md.line("| %.1f–%.1f | %d | %.3f | %.3f |", bin.lower(), bin.upper(), bin.rows(), bin.meanPredicted(),
					bin.observed());
		}
		md.line();
	}

	private static void oddsRatios(Markdown md, ModelArtifact artifact) {
		boolean uci = DatasetFormat.UCI.is(artifact.dataset().format());
		md.line("## Coefficients as odds ratios");
		md.line();
		md.line("The final model, fitted on all %d rows. The odds ratio is exp(coefficient): the factor by which the "
				+ "odds of disease are multiplied.", artifact.dataset().rows());
		md.line();
		md.line("- **Numeric columns are standardised, so their odds ratio is per one standard deviation** (the "
				+ "population standard deviation of the training rows, in the last column), not per unit. "
				+ "`fbs` and `exang` (0/1) are standardised too.");
		md.line("- **Categorical fields have one column per code**, with no reference code. Compare codes of one "
				+ "field with each other: the ratio of their odds ratios is the odds ratio between them.");
		md.line("- L2 regularisation (C = %s) shrinks every coefficient towards 0, that is every odds ratio towards 1.",
				decimal(artifact.trainer().c()));
		md.line();
		md.line("| column | meaning | coefficient | odds ratio | per |");
		md.line("|---|---|---:|---:|---|");
		for (int i = 0; i < artifact.columns().size(); i++) {
			String column = artifact.columns().get(i);
			double coefficient = artifact.coefficients().get(i);
			md.line("| `%s` | %s | %+.4f | %.3f | %s |", column, meaning(column, uci), coefficient,
					Math.exp(coefficient), per(artifact, column));
		}
		md.line();
		md.line("Intercept %+.4f (odds %.3f when every standardised column is at its mean and every one-hot column is 0).",
				artifact.intercept(), Math.exp(artifact.intercept()));
		md.line();
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
				return String.format(Locale.ROOT, "1 SD = %.3g%s", feature.scale(), (unit != null) ? " " + unit : "");
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

	private static void training(Markdown md, ModelArtifact artifact, Dataset read) {
		ModelArtifact.Trainer trainer = artifact.trainer();
		ModelArtifact.Dataset data = artifact.dataset();
		md.line("## Training");
		md.line();
		md.line("Numeric fields median-imputed and standardised, categorical fields mode-imputed and one-hot encoded, "
				+ "then L2-regularised logistic regression: `%s`, C = %s, tolerance %s, intercept penalised: %s "
				+ "(liblinear %s). Seed %d, test size %s, %s.", trainer.solver(), decimal(trainer.c()),
				String.format(Locale.ROOT, "%.0e", trainer.epsilon()), trainer.interceptPenalised() ? "yes" : "no",
				artifact.libraries().getOrDefault("liblinear", "?"), trainer.seed(), decimal(trainer.testSize()),
				(artifact.evaluation().crossValidation().pooled() != null) ? "leave-one-out"
						: trainer.folds() + " folds");
		md.line();
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
		md.line("Reproduce it (the same data and seed give the same artifact, apart from `trainedAt`, and this card):");
		md.line();
		md.line("```sh");
		md.line("./mvnw -q spring-boot:run -Dspring-boot.run.arguments=\"%s\"", command);
		md.line("```");
	}

	/** @return a number in its shortest exact decimal form, for settings like 0.5 or 1.0 */
	private static String decimal(double value) {
		return String.valueOf(value);
	}

	private static String percent(int part, int whole) {
		return (whole == 0) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
	}

	/** Lines of Markdown, formatted in {@link Locale#ROOT}, ending with {@code \n} on every platform. */
	private static final class Markdown {

		private final StringBuilder text = new StringBuilder();

		void line() {
			this.text.append('\n');
		}

		void line(String format, Object... args) {
			this.text.append((args.length == 0) ? format.replace("%%", "%") : String.format(Locale.ROOT, format, args))
				.append('\n');
		}

		@Override
		public String toString() {
			return this.text.toString();
		}

	}

}
