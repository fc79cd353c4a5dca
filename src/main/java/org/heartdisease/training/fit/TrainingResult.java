package org.heartdisease.training.fit;

import org.heartdisease.model.HeartDiseaseModel;

/**
 * What a training run produced: the data it read, the model fitted on all of it, whose artifact
 * carries the evaluation and provenance, and the cross-validation's out-of-fold predictions, which
 * the model card plots.
 *
 * @param dataset the training data
 * @param model the final model
 * @param crossValidation the cross-validation's method, scores and out-of-fold predictions
 */
public record TrainingResult(Dataset dataset, HeartDiseaseModel model, CrossValidation.Result crossValidation) {
}
