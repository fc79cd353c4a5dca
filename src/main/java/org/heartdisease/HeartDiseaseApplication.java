package org.heartdisease;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Serves the heart-disease model as a Spring Cloud Function, or trains it when started with
 * {@code --train} (see {@code training.TrainingRunner}).
 */
@SpringBootApplication
public class HeartDiseaseApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(HeartDiseaseApplication.class);
		if (isCommand(args)) {
			// Training and --help are one-shot commands: no web server, and the JVM exits with
			// the runner's exit code once it is done.
			application.setWebApplicationType(WebApplicationType.NONE);
			System.exit(SpringApplication.exit(application.run(args)));
		}
		application.run(args);
	}

	/**
	 * @return whether the arguments ask for a one-shot command ({@code --train} or {@code --help})
	 * rather than the server
	 */
	static boolean isCommand(String[] args) {
		for (String arg : args) {
			if (arg.equals("--train") || arg.equals("--help") || arg.equals("--train=true")) {
				return true;
			}
		}
		return false;
	}

}
