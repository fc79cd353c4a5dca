package org.heartdisease.training.command;

import org.springframework.context.annotation.Import;

/**
 * The whole application context of a {@code --train} run, the primary source that
 * {@code HeartDiseaseApplication.main} starts instead of the application when {@code --train} is
 * given: the command runners and nothing else. No component scan and no auto-configuration, so none
 * of the serving surface (web server, Jackson's and Spring Cloud Function's beans, Actuator) is
 * created, or even looked at, only to be thrown away when training ends; training
 * needs none of it and never loads the served model anyway.
 *
 * <p>The runners are the ones the application's component scan finds, in the same order and under
 * the same conditions, so {@code --train} combined with {@code --help} or {@code --gate} behaves as
 * in the full application. Not a {@code @Configuration}, so that scan does not pick this class up.
 */
@Import({ GateRunner.class, HelpRunner.class, TrainingRunner.class })
public class TrainingCommand {

}
