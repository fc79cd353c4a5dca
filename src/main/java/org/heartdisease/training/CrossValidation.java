package org.heartdisease.training;

import java.util.stream.IntStream;

import org.heartdisease.model.Evaluation;
import org.heartdisease.model.HeartDiseaseModel;

/**
 * Out-of-fold predictions: each fold scored by a pipeline (preprocessing included) fitted on the
 * other folds only.
 */
public final class CrossValidation {

	private CrossValidation() {
	}

	/**
	 * @param trainer fits each fold's model
	 * @param data the rows
	 * @param folds the number of folds
	 * @param seed the seed of the stratified folds
	 * @return the mean and sample standard deviation of the folds' ROC AUC and accuracy
	 */
	public static Evaluation.CrossValidation stratified(LogisticRegressionTrainer trainer, Dataset data, int folds,
			long seed) {
		boolean[] labels = data.labels();
		int[] foldOf = StratifiedSplit.folds(labels, folds, seed);
		double[] probabilities = outOfFold(trainer, data, foldOf, folds);
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
			accuracy[fold] = Metrics.accuracy(foldProbabilities, foldLabels, 0.5);
		}
		return new Evaluation.CrossValidation(folds, Metrics.summary(rocAuc), Metrics.summary(accuracy));
	}

	/**
	 * @param trainer fits each row's model
	 * @param data the rows
	 * @return each row's probability of disease from a model fitted on all the other rows
	 */
	public static double[] leaveOneOut(LogisticRegressionTrainer trainer, Dataset data) {
		return outOfFold(trainer, data, IntStream.range(0, data.size()).toArray(), data.size());
	}

	/**
	 * @param trainer fits each fold's model
	 * @param data the rows
	 * @param foldOf the fold of each row, 0-based
	 * @param folds the number of folds
	 * @return each row's probability of disease from the model fitted without its fold
	 */
	static double[] outOfFold(LogisticRegressionTrainer trainer, Dataset data, int[] foldOf, int folds) {
		double[] probabilities = new double[data.size()];
		for (int fold = 0; fold < folds; fold++) {
			int current = fold;
			int[] others = IntStream.range(0, data.size()).filter((i) -> foldOf[i] != current).toArray();
			Dataset training = data.subset(others);
			HeartDiseaseModel model = trainer.fit(training.rows(), training.labels());
			for (int i : membersOf(foldOf, fold)) {
				probabilities[i] = model.probability(data.rows().get(i));
			}
		}
		return probabilities;
	}

	private static int[] membersOf(int[] foldOf, int fold) {
		return IntStream.range(0, foldOf.length).filter((i) -> foldOf[i] == fold).toArray();
	}

}
