package org.heartdisease.training.command;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import org.heartdisease.batch.command.ScoringOptions;
import org.heartdisease.monitoring.command.DriftOptions;

/**
 * Prints the usage of every training, quality-gate and scoring option when the application is started with
 * {@code --help}: generated from {@link TrainingOptions}, {@link GateOptions}, {@link ScoringOptions} and {@link DriftOptions}, the records the
 * options are bound into, so it names, defaults and explains exactly what is bound.
 */
@Component
@ConditionalOnProperty("help")
class HelpRunner implements ApplicationRunner {

	@Override
	public void run(ApplicationArguments arguments) {
		System.out.print(trainingUsage(CommandLineOptions.jar()));
		System.out.print(GateRunner.usage());
		System.out.print(ScoringOptions.usage());
		System.out.print(DriftOptions.usage());
		System.out.flush();
	}

	/**
	 * @param jar how to name the jar in the usage line
	 * @return the usage text of {@code --train}
	 */
	static String trainingUsage(String jar) {
		StringBuilder usage = new StringBuilder("Usage: java -jar " + jar + " --train [options]\n\n");
		CommandLineOptions.line(usage, "train", "train the model, evaluate it and write the artifact (instead of serving)");
		CommandLineOptions.line(usage, "help", "print this help and exit");
		usage.append(CommandLineOptions.usage(TrainingOptions.class));
		usage.append("\nOptions whose name contains a dot are Spring properties and passed through.\n");
		return usage.toString();
	}

}
