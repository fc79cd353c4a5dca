package org.heartdisease.training;

import org.heartdisease.model.Evaluation;
import org.heartdisease.model.HeartDiseaseModel;

/**
 * Measures the pipeline on data it was not fitted to: a seeded stratified hold-out split and
 * stratified k-fold cross-validation.
 */
public final class Evaluator {

	private final LogisticRegressionTrainer trainer;

	public Evaluator(LogisticRegressionTrainer trainer) {
		this.trainer = trainer;
	}

	/**
	 * @param data all rows
	 * @param testSize the share of rows held out
	 * @param folds the number of cross-validation folds
	 * @param seed the seed of the split and of the folds
	 * @return the hold-out scores and the cross-validation summaries
	 * @throws TrainingException if a class is too small for the split or the folds
	 */
	public Evaluation evaluate(Dataset data, double testSize, int folds, long seed) {
		try {
			return new Evaluation(holdout(data, testSize, seed),
					CrossValidation.stratified(this.trainer, data, folds, seed));
		}
		catch (IllegalArgumentException ex) {
			throw new TrainingException(data.source() + ", label column '" + data.label() + "': " + ex.getMessage()
					+ " (" + data.positives() + " heart-disease, " + data.negatives() + " clear rows)", ex);
		}
	}

	private Evaluation.Holdout holdout(Dataset data, double testSize, long seed) {
		StratifiedSplit.Split split = StratifiedSplit.holdout(data.labels(), testSize, seed);
		Dataset training = data.subset(split.train());
		Dataset validation = data.subset(split.validation());
		HeartDiseaseModel model = this.trainer.fit(training.rows(), training.labels());
		double threshold = model.artifact().threshold();
		double[] trainingP = probabilities(model, training);
		double[] validationP = probabilities(model, validation);
		boolean[] truth = validation.labels();
		return new Evaluation.Holdout(training.size(), validation.size(),
				Metrics.accuracy(trainingP, training.labels(), threshold), Metrics.accuracy(validationP, truth, threshold),
				Metrics.rocAuc(validationP, truth), Metrics.logLoss(validationP, truth),
				Metrics.brierScore(validationP, truth), Metrics.confusion(validationP, truth, threshold));
	}

	private static double[] probabilities(HeartDiseaseModel model, Dataset data) {
		return data.rows().stream().mapToDouble(model::probability).toArray();
	}

}
