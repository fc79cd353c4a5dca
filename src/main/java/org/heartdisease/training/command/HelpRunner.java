package org.heartdisease.training.command;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Prints the usage of every training and quality-gate option when the application is started with {@code --help}.
 */
@Component
@ConditionalOnProperty("help")
class HelpRunner implements ApplicationRunner {

	@Override
	public void run(ApplicationArguments arguments) {
		System.out.print(TrainingOptions.usage());
		System.out.print(GateRunner.usage());
		System.out.flush();
	}

}
