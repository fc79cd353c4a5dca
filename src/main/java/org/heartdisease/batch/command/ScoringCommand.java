package org.heartdisease.batch.command;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

import org.heartdisease.monitoring.command.DriftRunner;
import org.heartdisease.prediction.Predictor;
import org.heartdisease.training.command.TrainingCommand;

/**
 * The whole application context of a {@code --score} or {@code --drift} run, the primary source that
 * {@code HeartDiseaseApplication.main} starts instead of the application: the served model and
 * {@code predict} (the prediction package), the batch scorer (with the answers' monitor) and the runners. No web server, no
 * Spring Cloud Function, no auto-configuration; as {@link TrainingCommand} is for training. Not a
 * {@code @Configuration}, so the application's scan does not pick this class up.
 */
@ComponentScan(basePackageClasses = Predictor.class)
@Import({ ScoringRunner.class, DriftRunner.class, TrainingCommand.class })
public class ScoringCommand {

}
