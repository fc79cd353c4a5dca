package org.heartdisease.training;

import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

import org.heartdisease.model.Evaluation;
import org.heartdisease.model.ModelArtifact;

/**
 * The text a training run prints: the Python demo's three lines first, then cross-validation, the
 * confusion matrix, calibration scores, the data and where the artifact went.
 */
public final class TrainingReport {

	private TrainingReport() {
	}

	/**
	 * @param result the run's data and model
	 * @param written where the artifact was written, or {@code null} when it was not
	 * @return the report, one fact per line
	 */
	public static String format(TrainingResult result, Path written) {
		ModelArtifact artifact = result.model().artifact();
		Evaluation.Holdout holdout = artifact.evaluation().holdout();
		Evaluation.CrossValidation cv = artifact.evaluation().crossValidation();
		ModelArtifact.Dataset data = artifact.dataset();
		ModelArtifact.Labels labels = artifact.labels();
		Evaluation.ConfusionMatrix m = holdout.confusion();
		StringBuilder out = new StringBuilder();
		line(out, "Training accuracy: %.2f%%", 100 * holdout.trainingAccuracy());
		line(out, "Validation accuracy: %.2f%%", 100 * holdout.validationAccuracy());
		line(out, "ROC AUC score: %.2f", holdout.rocAuc());
		line(out, "Log loss: %.4f", holdout.logLoss());
		line(out, "Brier score: %.4f", holdout.brierScore());
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
		line(out, "Cross-validation: ROC AUC %.2f ± %.2f (%d folds)", cv.rocAuc().mean(), cv.rocAuc().sd(), cv.folds());
		line(out, "Cross-validation: accuracy %.2f%% ± %.2f%% (%d folds)", 100 * cv.accuracy().mean(),
				100 * cv.accuracy().sd(), cv.folds());
		line(out, "Data: %s (%s, sha256 %s)", data.source(), data.format(), data.sha256());
		line(out, "Rows: %d (%d %s, %d %s; %s = %s means %s); %d for training, %d for validation", data.rows(),
				data.positives(), labels.positive(), data.negatives(), labels.negative(), data.label(),
				String.join(" or ", data.positiveValues()), labels.positive(), holdout.trainingRows(),
				holdout.validationRows());
		String missing = data.missing().isEmpty() ? "none" : data.missing().entrySet().stream()
			.map((entry) -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
		line(out, "Missing values: %s", missing);
		line(out, (written != null) ? "Model written to " + written : "Model not written (--no-dump)");
		return out.toString();
	}

	private static void line(StringBuilder out, String format, Object... args) {
		out.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
	}

}
