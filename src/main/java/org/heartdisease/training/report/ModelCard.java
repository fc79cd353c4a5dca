package org.heartdisease.training.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import org.heartdisease.model.Evaluation;
import org.heartdisease.model.ModelArtifact;
import org.heartdisease.training.fit.Curves;
import org.heartdisease.training.fit.Metrics;
import org.heartdisease.training.fit.TrainingException;
import org.heartdisease.training.fit.TrainingResult;

/**
 * The model card written beside an artifact: a Markdown page on the data, its licence and label,
 * the evaluation with an ROC curve and a calibration plot (SVG files beside it), the coefficients
 * as odds ratios, and the intended use and limits. It holds nothing that changes between two runs
 * on the same data and seed (no time, no checksum of the artifact, no JVM), so it is reproducible
 * byte for byte.
 * <p>
 * {@link ModelCardPlots} draws the plots; {@link ModelCardMarkdown} fills in the page's template,
 * {@code src/main/resources/training/model-card.md}, which holds its prose so that the prose reads,
 * and is edited, as the Markdown it becomes rather than as Java strings.
 */
public final class ModelCard {

	/** The number of equal-width bins of the calibration plot. */
	static final int CALIBRATION_BINS = 10;

	/**
	 * The card's three files, as text.
	 * @param markdown the card, {@code heart-disease{tag}.md}
	 * @param roc the ROC curve, {@code heart-disease{tag}-roc.svg}
	 * @param calibration the calibration plot, {@code heart-disease{tag}-calibration.svg}
	 * @param distributions the training distribution of each field, {@code heart-disease{tag}-distributions.svg}
	 */
	public record Files(String markdown, String roc, String calibration, String distributions) {
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

	/** @return the training distributions' plot file name for an artifact tag */
	static String distributionsName(String tag) {
		return "heart-disease" + tag + "-distributions.svg";
	}

	/**
	 * Writes the card and its plots beside the artifact, each atomically.
	 * @param result the training run
	 * @param card the Markdown file; the plots go beside it
	 * @return the files written: the card, the ROC plot, the calibration plot, the distributions' plot
	 * @throws TrainingException if a file cannot be written
	 */
	public static List<Path> write(TrainingResult result, Path card) {
		Files files = render(result);
		String tag = result.model().artifact().tag();
		Path directory = card.toAbsolutePath().getParent();
		Path roc = resolveSibling(card, rocName(tag));
		Path calibration = resolveSibling(card, calibrationName(tag));
		Path distributions = resolveSibling(card, distributionsName(tag));
		try {
			java.nio.file.Files.createDirectories(directory);
			writeAtomically(roc, files.roc());
			writeAtomically(calibration, files.calibration());
			writeAtomically(distributions, files.distributions());
			writeAtomically(card, files.markdown());
		}
		catch (IOException ex) {
			throw new TrainingException("cannot write the model card " + card + ": " + ex, ex);
		}
		return List.of(card, roc, calibration, distributions);
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
		return new Files(ModelCardMarkdown.render(result, pooledAuc, bins), roc, calibration,
				ModelCardPlots.distributions(artifact.trainingDistribution()));
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

}
