package org.heartdisease.training.fit;

import org.heartdisease.model.Evaluation;
import org.heartdisease.model.HeartDiseaseModel;

/**
 * Measures the pipeline on data it was not fitted to: a seeded stratified hold-out split and
 * stratified k-fold (or leave-one-out) cross-validation.
 */
public final class Evaluator {

	private final LogisticRegressionTrainer trainer;

	public Evaluator(LogisticRegressionTrainer trainer) {
		this.trainer = trainer;
	}

	/**
	 * What an evaluation found: the scores the artifact records, and the out-of-fold predictions
	 * behind the cross-validated ones (for the model card's plots).
	 * @param evaluation the hold-out and cross-validation scores
	 * @param crossValidation the cross-validation's scores, predictions and method
	 */
	public record Result(Evaluation evaluation, CrossValidation.Result crossValidation) {
	}

	/**
	 * @param data all rows
	 * @param testSize the share of rows held out
	 * @param folds the number of cross-validation folds
	 * @param seed the seed of the split and of the folds
	 * @return the hold-out scores, the cross-validation summaries and the out-of-fold predictions
	 * @throws TrainingException if a class is too small for the split or the folds
	 */
	public Result evaluate(Dataset data, double testSize, int folds, long seed) {
		return evaluate(data, testSize, folds, seed, Progress.NONE);
	}

	/**
	 * @param data all rows
	 * @param testSize the share of rows held out
	 * @param folds the number of cross-validation folds, or {@link TrainingSettings#LEAVE_ONE_OUT}
	 * @param seed the seed of the split and of the folds
	 * @param progress hears of each finished fold
	 * @return the hold-out scores, the cross-validation scores and the out-of-fold predictions
	 * @throws TrainingException if a class is too small for the split or the folds
	 */
	public Result evaluate(Dataset data, double testSize, int folds, long seed, Progress progress) {
		try {
			Evaluation.Holdout holdout = holdout(data, testSize, seed);
			CrossValidation.Result crossValidation = (folds == TrainingSettings.LEAVE_ONE_OUT)
					? CrossValidation.pooledLeaveOneOut(this.trainer, data, progress)
					: CrossValidation.stratified(this.trainer, data, folds, seed, progress);
			return new Result(new Evaluation(holdout, crossValidation.scores()), crossValidation);
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
