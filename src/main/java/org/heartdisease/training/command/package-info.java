/**
 * The one-shot commands of the application, {@code --train}, {@code --gate} and {@code --help}: Spring
 * Boot {@code ApplicationRunner}s, their options (records bound from the {@code --name=value} command
 * line and checked with Bean Validation, whose components also give {@code --help} its names,
 * defaults and meanings), and {@link org.heartdisease.training.command.TrainingCommand}, the small
 * context a {@code --train} run starts. A bad option exits 2, anything else that fails exits 1, each
 * with one {@code error:} line on standard error.
 */
package org.heartdisease.training.command;
