package org.heartdisease.training;

import org.heartdisease.model.HeartDiseaseModel;

/**
 * What a training run produced: the data it read and the model fitted on all of it, whose artifact
 * carries the evaluation and provenance.
 *
 * @param dataset the training data
 * @param model the final model
 */
public record TrainingResult(Dataset dataset, HeartDiseaseModel model) {
}
