package org.heartdisease.training.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.heartdisease.model.Evaluation;
import org.heartdisease.model.ModelArtifact;
import org.heartdisease.training.fit.Dataset;
import org.heartdisease.training.fit.DatasetFormat;
import org.heartdisease.training.fit.DatasetReader;
import org.heartdisease.training.fit.Metrics;
import org.heartdisease.training.fit.TrainingResult;

/**
 * The text a training run prints: the Python demo's three lines first, then the data, the confusion
 * matrix, a compact table of every score, what was written, and the commands to run next.
 */
public final class TrainingReport {

	/** The artifact a plain {@code --train} writes, which the builds package and serve by default. */
	static final Path DEFAULT_ARTIFACT = Path.of("model", "heart-disease.json");

	private TrainingReport() {
	}

	/**
	 * @param result the run's data and model
	 * @param written the files written, the artifact first, then its model card and plots; empty when
	 * none was written
	 * @param notWritten why nothing was written, when {@code written} is empty
	 * @return the report, one fact per line
	 */
	public static String format(TrainingResult result, List<Path> written, String notWritten) {
		ModelArtifact artifact = result.model().artifact();
		Evaluation.Holdout holdout = artifact.evaluation().holdout();
		ModelArtifact.Dataset data = artifact.dataset();
		ModelArtifact.Labels labels = artifact.labels();
		Evaluation.ConfusionMatrix m = holdout.confusion();
		StringBuilder out = new StringBuilder();
		line(out, "Training accuracy: %.2f%%", 100 * holdout.trainingAccuracy());
		line(out, "Validation accuracy: %.2f%%", 100 * holdout.validationAccuracy());
		line(out, "ROC AUC score: %.2f", holdout.rocAuc());
		// The path as given, which the user knows; the artifact records only the file name.
		line(out, "Data: %s (%s, sha256 %s)", result.dataset().source(), data.format(), data.sha256());
		line(out, "Rows: %d (%d %s, %d %s; %s = %s means %s); %d for training, %d for validation", data.rows(),
				data.positives(), labels.positive(), data.negatives(), labels.negative(), data.label(),
				String.join(" or ", data.positiveValues()), labels.positive(), holdout.trainingRows(),
				holdout.validationRows());
		Dataset read = result.dataset();
		if (DatasetFormat.CSV.is(data.format()) && !read.labelValues().isEmpty()) {
			// Nothing about the label is guessed silently: every value, and the class it went to.
			line(out, "Label values: %s%s", read.labelValues().entrySet().stream()
				.map((entry) -> String.format(Locale.ROOT, "%s = %s: %d rows, %s", data.label(), entry.getKey(),
						entry.getValue(), read.positiveValues().stream().anyMatch((value) -> DatasetReader
							.same(value, entry.getKey())) ? labels.positive() : labels.negative()))
				.collect(Collectors.joining("; ")), read.negativeValues().isEmpty()
						? " (no --negative: every value not in --positive counts as " + labels.negative() + ")" : "");
		}
		String missing = data.missing().isEmpty() ? "none" : data.missing().entrySet().stream()
			.map((entry) -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
		line(out, "Missing values: %s%s", missing, read.missingMarkers().isEmpty() ? ""
				: " (besides ? and empty cells, read as missing: " + markers(read.missingMarkers()) + ")");
		line(out, "Validation confusion matrix (%d rows, threshold %s):", holdout.validationRows(),
				artifact.threshold());
		String predicted = "predicted " + labels.positive();
		int width = Math.max(labels.positive().length(), labels.negative().length()) + "actual ".length();
		line(out, "  %-" + width + "s  %15s  %" + predicted.length() + "s", "", "predicted " + labels.negative(),
				predicted);
		line(out, "  %-" + width + "s  %15d  %" + predicted.length() + "d", "actual " + labels.negative(),
				m.trueNegatives(), m.falsePositives());
		line(out, "  %-" + width + "s  %15d  %" + predicted.length() + "d", "actual " + labels.positive(),
				m.falseNegatives(), m.truePositives());
		out.append(System.lineSeparator());
		summary(out, result);
		out.append(System.lineSeparator());
		if (written.isEmpty()) {
			line(out, "Model not written (%s)", notWritten);
		}
		else {
			line(out, "Model written to %s", written.get(0));
			if (written.size() > 1) {
				line(out, "Model card written to %s (plots: %s)", written.get(1), written.subList(2, written.size())
					.stream().map((path) -> path.getFileName().toString()).collect(Collectors.joining(", ")));
			}
		}
		return out.toString();
	}

	/** @return {ca=[4], thal=[0]} as {@code ca:4,thal:0}, as --missing takes it */
	static String markers(java.util.Map<String, List<String>> markers) {
		return markers.entrySet().stream().flatMap((entry) -> entry.getValue().stream()
			.map((value) -> entry.getKey() + ":" + value)).collect(Collectors.joining(","));
	}

	/** The table of scores: hold-out, per-fold cross-validation (k-fold only) and pooled out-of-fold. */
	private static void summary(StringBuilder out, TrainingResult result) {
		ModelArtifact artifact = result.model().artifact();
		Evaluation.Holdout holdout = artifact.evaluation().holdout();
		Evaluation.CrossValidation cv = artifact.evaluation().crossValidation();
		double[] p = result.crossValidation().probabilities();
		boolean[] y = result.dataset().labels();
		boolean kFold = cv.pooled() == null;
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "", "hold-out (" + holdout.validationRows() + " rows)",
				kFold ? cv.folds() + "-fold CV (mean ± SD)" : null,
				(kFold ? "out-of-fold, pooled" : "leave-one-out, pooled") + " (" + y.length + " rows)" });
		rows.add(new String[] { "ROC AUC", fixed(holdout.rocAuc(), 4),
				kFold ? fixed(cv.rocAuc().mean(), 4) + " ± " + fixed(cv.rocAuc().sd(), 4) : null,
				fixed(Metrics.rocAuc(p, y), 4) });
		rows.add(new String[] { "accuracy", percent(holdout.validationAccuracy()),
				kFold ? percent(cv.accuracy().mean()) + " ± " + percent(cv.accuracy().sd()) : null,
				percent(Metrics.accuracy(p, y, artifact.threshold())) });
		rows.add(new String[] { "log loss", fixed(holdout.logLoss(), 4), kFold ? "–" : null,
				fixed(Metrics.logLoss(p, y), 4) });
		rows.add(new String[] { "Brier score", fixed(holdout.brierScore(), 4), kFold ? "–" : null,
				fixed(Metrics.brierScore(p, y), 4) });
		int columns = rows.get(0).length;
		int[] widths = new int[columns];
		for (String[] row : rows) {
			for (int c = 0; c < columns; c++) {
				widths[c] = Math.max(widths[c], (row[c] != null) ? row[c].length() : 0);
			}
		}
		for (String[] row : rows) {
			StringBuilder line = new StringBuilder("  ").append(String.format(Locale.ROOT, "%-" + widths[0] + "s", row[0]));
			for (int c = 1; c < columns; c++) {
				if (row[c] != null) {
					line.append("   ").append(String.format(Locale.ROOT, "%" + widths[c] + "s", row[c]));
				}
			}
			out.append(line.toString().stripTrailing()).append(System.lineSeparator());
		}
	}

	/**
	 * @param artifact the artifact written
	 * @param jar the running jar, relative where it can be, or {@code null} when not run from a jar
	 * @return what to run next: serve the model, build a deployable
	 */
	public static String nextSteps(Path artifact, Path jar) {
		StringBuilder out = new StringBuilder();
		boolean isDefault = artifact.normalize().equals(DEFAULT_ARTIFACT);
		String location = "--heart.model.location=file:" + artifact;
		line(out, "Next:");
		if (jar != null) {
			line(out, "  serve it now:        java -jar %s %s", jar, location);
		}
		if (isDefault) {
			line(out, "  or rebuild, serve:   ./mvnw spring-boot:run");
			line(out, "  build a deployable:  ./mvnw -Pgcp package   or   ./mvnw -Paws package");
		}
		else {
			line(out, "  or with Maven:       ./mvnw spring-boot:run -Dspring-boot.run.arguments=%s", location);
			line(out, "  build a deployable:  ./mvnw -Pgcp package   or   ./mvnw -Paws package "
					+ "(they serve %s unless heart.model.location says otherwise)", DEFAULT_ARTIFACT);
		}
		return out.toString();
	}

	private static String fixed(double value, int decimals) {
		return String.format(Locale.ROOT, "%." + decimals + "f", value);
	}

	private static String percent(double share) {
		return String.format(Locale.ROOT, "%.2f%%", 100 * share);
	}

	private static void line(StringBuilder out, String format, Object... args) {
		out.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
	}

}
