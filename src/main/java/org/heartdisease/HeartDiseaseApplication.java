package org.heartdisease;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Serves the heart-disease model as a Spring Cloud Function, or trains it when started with
 * {@code --train} (see {@code training.TrainingRunner}), or compares two models with {@code --gate}
 * (see {@code training.GateRunner}).
 */
@SpringBootApplication
public class HeartDiseaseApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(HeartDiseaseApplication.class);
		if (isCommand(args)) {
			// Training, the quality gate and --help are one-shot commands: no web server, and the
			// JVM exits with the runner's exit code once it is done.
			application.setWebApplicationType(WebApplicationType.NONE);
			// A command's output is its report; framework chatter stays out unless asked for.
			application.setLogStartupInfo(false);
			application.setDefaultProperties(Map.of("logging.level.root", "WARN"));
			System.exit(SpringApplication.exit(application.run(args)));
		}
		application.run(args);
	}

	/**
	 * @return whether the arguments ask for a one-shot command ({@code --train}, {@code --gate} or
	 * {@code --help}) rather than the server
	 */
	static boolean isCommand(String[] args) {
		for (String arg : args) {
			// The same rule as @ConditionalOnProperty("train"): present and not "false".
			for (String command : new String[] { "--train", "--gate", "--help" }) {
				if (arg.equals(command) || (arg.startsWith(command + "=") && !arg.equalsIgnoreCase(command + "=false"))) {
					return true;
				}
			}
		}
		return false;
	}

}
