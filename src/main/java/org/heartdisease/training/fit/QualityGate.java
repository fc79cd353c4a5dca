package org.heartdisease.training.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.heartdisease.model.CategoricalFeature;
import org.heartdisease.model.Evaluation;
import org.heartdisease.model.ModelArtifact;
import org.heartdisease.model.NumericFeature;

/**
 * Decides whether a newly trained model may replace the published one, on its cross-validated
 * ROC AUC: it must reach an absolute floor, and fall no more than a margin below the published
 * model's. Cross-validation rather than the single hold-out split, because its mean over all rows
 * moves far less between two runs than one 61-row validation set does.
 *
 * @param minCvAuc the floor the candidate's cross-validated ROC AUC must reach
 * @param maxDrop how far below the published model's cross-validated ROC AUC the candidate may fall
 */
public record QualityGate(double minCvAuc, double maxDrop) {

	/** The default floor: well under the Cleveland model's 0.92, well over a model that learned little. */
	public static final double DEFAULT_MIN_CV_AUC = 0.85;

	/** The default allowed drop: about half a fold-to-fold standard deviation on the Cleveland file. */
	public static final double DEFAULT_MAX_DROP = 0.02;

	public QualityGate {
		if (!(minCvAuc >= 0 && minCvAuc <= 1)) {
			throw new IllegalArgumentException("the floor must lie between 0 and 1, not " + minCvAuc);
		}
		if (!(maxDrop >= 0 && maxDrop <= 1)) {
			throw new IllegalArgumentException("the allowed drop must lie between 0 and 1, not " + maxDrop);
		}
	}

	/**
	 * @param candidate the new model's evaluation
	 * @param published the published model's evaluation, or {@code null} when none is published yet
	 * @return the decision, with both figures
	 */
	public Decision check(Evaluation candidate, Evaluation published) {
		double candidateAuc = candidate.crossValidation().rocAuc().mean();
		Double publishedAuc = (published != null) ? published.crossValidation().rocAuc().mean() : null;
		if (candidateAuc < this.minCvAuc) {
			return new Decision(false, candidateAuc, publishedAuc, String.format(Locale.ROOT,
					"the candidate's cross-validated ROC AUC %.4f is below the floor %.4f", candidateAuc, this.minCvAuc));
		}
		if (publishedAuc != null && candidateAuc < publishedAuc - this.maxDrop) {
			return new Decision(false, candidateAuc, publishedAuc, String.format(Locale.ROOT,
					"the candidate's cross-validated ROC AUC %.4f is %.4f below the published model's %.4f; at most %.4f is allowed",
					candidateAuc, publishedAuc - candidateAuc, publishedAuc, this.maxDrop));
		}
		return new Decision(true, candidateAuc, publishedAuc, (publishedAuc == null)
				? String.format(Locale.ROOT, "the candidate reaches the floor %.4f and no model is published yet", this.minCvAuc)
				: String.format(Locale.ROOT, "the candidate reaches the floor %.4f and is within %.4f of the published model",
						this.minCvAuc, this.maxDrop));
	}

	/**
	 * The input contract of two artifacts, compared: a candidate that reads its inputs differently
	 * (other fields or order, other category codes, another label or threshold, data of another
	 * layout or labelling) would answer the same request differently, so no ROC AUC can make it a
	 * drop-in replacement.
	 * @param candidate the new model
	 * @param published the published model
	 * @return one phrase per difference; empty when the contracts agree
	 */
	public static List<String> contractDifferences(ModelArtifact candidate, ModelArtifact published) {
		List<String> differences = new ArrayList<>();
		differ(differences, "numeric fields", candidate.preprocessing().numeric().stream().map(NumericFeature::name)
			.toList(), published.preprocessing().numeric().stream().map(NumericFeature::name).toList());
		differ(differences, "categorical fields", candidate.preprocessing().categorical().stream()
			.map(CategoricalFeature::name).toList(), published.preprocessing().categorical().stream()
			.map(CategoricalFeature::name).toList());
		for (CategoricalFeature feature : candidate.preprocessing().categorical()) {
			published.preprocessing().categorical().stream().filter((other) -> other.name().equals(feature.name()))
				.findFirst()
				.ifPresent((other) -> differ(differences, "categories of " + feature.name(), feature.categories(),
						other.categories()));
		}
		if (differences.isEmpty()) {
			// The columns follow from the fields and categories; name them only when those agree.
			differ(differences, "columns", candidate.columns(), published.columns());
		}
		differ(differences, "labels", candidate.labels(), published.labels());
		differ(differences, "threshold", candidate.threshold(), published.threshold());
		ModelArtifact.Dataset data = candidate.dataset();
		ModelArtifact.Dataset other = published.dataset();
		differ(differences, "dataset format", data.format(), other.format());
		differ(differences, "label column", data.label(), other.label());
		differ(differences, "positive label values", data.positiveValues(), other.positiveValues());
		return differences;
	}

	private static void differ(List<String> differences, String what, Object candidate, Object published) {
		if (!Objects.equals(candidate, published)) {
			differences.add(what + " " + candidate + " (published: " + published + ")");
		}
	}

	/**
	 * What the gate decided, and on which figures.
	 *
	 * @param passed whether the candidate may be published
	 * @param candidateAuc the candidate's cross-validated ROC AUC
	 * @param publishedAuc the published model's cross-validated ROC AUC, or {@code null} when none is published
	 * @param reason one sentence saying why
	 */
	public record Decision(boolean passed, double candidateAuc, Double publishedAuc, String reason) {
	}

}
