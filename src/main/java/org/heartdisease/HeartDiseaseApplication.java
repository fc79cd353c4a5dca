package org.heartdisease;

import java.io.File;
import java.util.List;
import java.util.Map;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.BackgroundPreinitializer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.system.ApplicationHome;
import org.springframework.core.SpringProperties;
import org.springframework.util.ClassUtils;

import org.heartdisease.batch.command.ScoringCommand;
import org.heartdisease.training.command.TrainingCommand;

/**
 * Serves the heart-disease model as a Spring Cloud Function, or trains it when started with
 * {@code --train} (see {@code training.command.TrainingRunner}), compares two models with {@code --gate}
 * (see {@code training.command.GateRunner}), scores a file with {@code --score} (see
 * {@code batch.command.ScoringRunner}), or compares what was served with the training data with
 * {@code --drift} (see {@code monitoring.command.DriftRunner}).
 */
@SpringBootApplication
public class HeartDiseaseApplication {

	/** The one-shot commands, as typed. */
	static final List<String> COMMANDS = List.of("--train", "--gate", "--score", "--drift", "--help");

	public static void main(String[] args) {
		String mistyped = mistypedCommand(args);
		if (mistyped != null) {
			// Starting the server on a typo such as --trian would hide it behind a server that looks fine.
			System.err.println("error: unknown command " + mistyped + "; the commands are " + String.join(", ", COMMANDS)
					+ ", and without one the server starts (options with a dot, such as --server.port=8080, are "
					+ "Spring properties)");
			System.exit(2);
		}
		if (isCommand(args)) {
			// Training, the quality gate, scoring and --help are one-shot commands: no web server, and the
			// JVM exits with the runner's exit code once it is done.
			// Spring Boot would warm up Jackson, validation and the message converters on a second thread
			// for a server's first request; a command would only lose that CPU to it. Read once, when
			// the SpringApplication creates its listeners: so set before.
			System.setProperty(BackgroundPreinitializer.IGNORE_BACKGROUNDPREINITIALIZER_PROPERTY_NAME, "true");
			SpringApplication application = new SpringApplication(primarySource(args));
			application.setWebApplicationType(WebApplicationType.NONE);
			// A command's output is its report; framework chatter stays out unless asked for.
			application.setLogStartupInfo(false);
			application.setDefaultProperties(Map.of("logging.level.root", "WARN"));
			System.exit(SpringApplication.exit(application.run(args)));
		}
		if (switchesOnAotStartup(SpringProperties.getProperty(AotDetector.AOT_ENABLED),
				new ApplicationHome(HeartDiseaseApplication.class).getSource(),
				ClassUtils.isPresent(AotStartup.GENERATED_INITIALIZER, HeartDiseaseApplication.class.getClassLoader()))) {
			SpringProperties.setFlag(AotDetector.AOT_ENABLED);
		}
		new SpringApplication(HeartDiseaseApplication.class).run(args);
	}

	/**
	 * Whether {@code main} switches on, for the server, the start-up code Spring AOT generated at build time
	 * ({@code process-aot}), which shortens a plain {@code java -jar}'s start without a flag to type (0.3–2 s in
	 * alternated launches, profiles/bench/README.md):
	 * only from a packaged jar, whose generated code was built from the very classes beside it (a classes
	 * directory, as under {@code spring-boot:run}, an IDE or the tests, may hold generated code older than
	 * its classes), and only when {@code spring.aot.enabled} is not set ({@code -Dspring.aot.enabled=false} evaluates the
	 * conditions at start instead, as Spring AOT fixes them at build time). Commands never use it: their
	 * context is not the one AOT generated.
	 * @param setting {@code spring.aot.enabled} as given, or {@code null}
	 * @param source where the application's classes come from: a jar file, a directory, or {@code null}
	 * when unknown
	 * @param generated whether the generated start-up code is on the classpath
	 */
	static boolean switchesOnAotStartup(String setting, File source, boolean generated) {
		return setting == null && source != null && source.isFile() && generated;
	}

	/**
	 * @return what the application context is built from: for {@code --train}, the command runners only
	 * ({@link TrainingCommand}), since training needs none of the application's beans and never loads the
	 * served model, and creating the serving surface would take longer than training itself; otherwise
	 * the whole application
	 */
	static Class<?> primarySource(String[] args) {
		if (isCommand(args, "--train")) {
			return TrainingCommand.class;
		}
		return (isCommand(args, "--score") || isCommand(args, "--drift")) ? ScoringCommand.class
				: HeartDiseaseApplication.class;
	}

	/**
	 * @return the first option that is neither a command nor a Spring property, when no command is given
	 * (a command checks its own options), else {@code null}: the server takes only Spring properties,
	 * whose names hold a dot, and Boot's {@code --debug} and {@code --trace}
	 */
	static String mistypedCommand(String[] args) {
		if (isCommand(args)) {
			return null;
		}
		for (String arg : args) {
			String name = arg.startsWith("--") ? arg.substring(2).split("=", 2)[0] : null;
			if (name != null && !name.contains(".") && !name.equals("debug") && !name.equals("trace")
					&& !COMMANDS.contains("--" + name)) {
				return "--" + name;
			}
		}
		return null;
	}

	/**
	 * @return whether the arguments ask for a one-shot command ({@code --train}, {@code --gate},
	 * {@code --score} or {@code --help}) rather than the server
	 */
	static boolean isCommand(String[] args) {
		return COMMANDS.stream().anyMatch((command) -> isCommand(args, command));
	}

	/**
	 * @param command the option that asks for the command, such as {@code --train}
	 * @return whether the arguments ask for it, by the same rule as {@code @ConditionalOnProperty("train")}:
	 * present and not {@code false}
	 */
	static boolean isCommand(String[] args, String command) {
		for (String arg : args) {
			if (arg.equals(command) || (arg.startsWith(command + "=") && !arg.equalsIgnoreCase(command + "=false"))) {
				return true;
			}
		}
		return false;
	}

}
