package org.heartdisease.training.fit;

import java.util.stream.IntStream;

import org.heartdisease.model.Evaluation;
import org.heartdisease.model.HeartDiseaseModel;

/**
 * Out-of-fold predictions: each fold scored by a pipeline (preprocessing included) fitted on the
 * other folds only. Accuracy is taken at the trainer's threshold, the one its artifacts record.
 */
public final class CrossValidation {

	private CrossValidation() {
	}

	/**
	 * The scores of a cross-validation and the predictions they came from.
	 * @param scores what the artifact records
	 * @param probabilities each row's out-of-fold probability of disease, in row order
	 * @param method how the folds were made, in words, for the report and the model card
	 */
	public record Result(Evaluation.CrossValidation scores, double[] probabilities, String method) {

		public Result {
			probabilities = probabilities.clone();
		}

		@Override
		public double[] probabilities() {
			return this.probabilities.clone();
		}

	}

	/**
	 * @param trainer fits each fold's model
	 * @param data the rows
	 * @param folds the number of folds
	 * @param seed the seed of the stratified folds
	 * @param progress hears of each finished fold
	 * @return the mean and sample standard deviation of the folds' ROC AUC and accuracy, and every
	 * row's out-of-fold probability
	 */
	public static Result stratified(LogisticRegressionTrainer trainer, Dataset data, int folds, long seed,
			Progress progress) {
		boolean[] labels = data.labels();
		int[] foldOf = StratifiedSplit.folds(labels, folds, seed);
		double[] probabilities = outOfFold(trainer, data, foldOf, folds, "Cross-validation", progress);
		// The accuracy at the threshold the fold models' artifacts record, as the hold-out and the served model apply it.
		double threshold = trainer.threshold();
		double[] rocAuc = new double[folds];
		double[] accuracy = new double[folds];
		for (int fold = 0; fold < folds; fold++) {
			int[] members = membersOf(foldOf, fold);
			double[] foldProbabilities = IntStream.of(members).mapToDouble((i) -> probabilities[i]).toArray();
			boolean[] foldLabels = new boolean[members.length];
			for (int k = 0; k < members.length; k++) {
				foldLabels[k] = labels[members[k]];
			}
			rocAuc[fold] = Metrics.rocAuc(foldProbabilities, foldLabels);
			accuracy[fold] = Metrics.accuracy(foldProbabilities, foldLabels, threshold);
		}
		return new Result(new Evaluation.CrossValidation(folds, Metrics.summary(rocAuc), Metrics.summary(accuracy)),
				probabilities, "stratified " + folds + "-fold cross-validation, seed " + seed);
	}

	/**
	 * Leave-one-out: a one-row fold has no ROC AUC, so the scores are those of all rows' out-of-fold
	 * predictions pooled.
	 * @param trainer fits each row's model
	 * @param data the rows
	 * @param progress hears of each finished row
	 * @return the pooled ROC AUC and accuracy, and every row's out-of-fold probability
	 */
	public static Result pooledLeaveOneOut(LogisticRegressionTrainer trainer, Dataset data, Progress progress) {
		double[] probabilities = outOfFold(trainer, data, IntStream.range(0, data.size()).toArray(), data.size(),
				"Leave-one-out", progress);
		boolean[] labels = data.labels();
		Evaluation.Pooled pooled = new Evaluation.Pooled(Metrics.rocAuc(probabilities, labels),
				Metrics.accuracy(probabilities, labels, trainer.threshold()));
		return new Result(new Evaluation.CrossValidation(data.size(), null, null, pooled), probabilities,
				"leave-one-out (" + data.size() + " folds of one row)");
	}

	/**
	 * @param trainer fits each row's model
	 * @param data the rows
	 * @return each row's probability of disease from a model fitted on all the other rows
	 */
	public static double[] leaveOneOut(LogisticRegressionTrainer trainer, Dataset data) {
		return outOfFold(trainer, data, IntStream.range(0, data.size()).toArray(), data.size(), "Leave-one-out",
				Progress.NONE);
	}

	/**
	 * @param trainer fits each fold's model
	 * @param data the rows
	 * @param foldOf the fold of each row, 0-based
	 * @param folds the number of folds
	 * @param step the name progress is reported under
	 * @param progress hears of each finished fold
	 * @return each row's probability of disease from the model fitted without its fold
	 */
	static double[] outOfFold(LogisticRegressionTrainer trainer, Dataset data, int[] foldOf, int folds, String step,
			Progress progress) {
		double[] probabilities = new double[data.size()];
		for (int fold = 0; fold < folds; fold++) {
			int current = fold;
			int[] others = IntStream.range(0, data.size()).filter((i) -> foldOf[i] != current).toArray();
			Dataset training = data.subset(others);
			HeartDiseaseModel model = trainer.fit(training.rows(), training.labels());
			for (int i : membersOf(foldOf, fold)) {
				probabilities[i] = model.probability(data.rows().get(i));
			}
			progress.update(step, fold + 1, folds);
		}
		return probabilities;
	}

	private static int[] membersOf(int[] foldOf, int fold) {
		return IntStream.range(0, foldOf.length).filter((i) -> foldOf[i] == fold).toArray();
	}

}
