package org.heartdisease.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import org.heartdisease.model.ModelArtifactJson;

/**
 * Trains, evaluates and writes the model when the application is started with {@code --train};
 * absent otherwise, so serving never trains.
 *
 * <p>A failure prints one {@code error: ...} line to stderr and sets a non-zero exit code (2 for
 * bad options, 1 for anything else); it is not thrown, so Spring Boot's start-up failure report
 * with its stack trace does not bury the message.
 */
@Component
@ConditionalOnProperty("train")
class TrainingRunner implements ApplicationRunner, ExitCodeGenerator {

	private final Clock clock;

	private final PrintStream out;

	private final PrintStream err;

	private int exitCode;

	TrainingRunner() {
		this(Clock.systemUTC(), System.out, System.err);
	}

	TrainingRunner(Clock clock, PrintStream out, PrintStream err) {
		this.clock = clock;
		this.out = out;
		this.err = err;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (arguments.containsOption("help")) {
			return;
		}
		TrainingOptions options;
		try {
			options = TrainingOptions.from(arguments);
		}
		catch (TrainingException ex) {
			fail(2, ex.getMessage() + " (see --help)");
			return;
		}
		try {
			TrainingResult result = new TrainingPipeline(this.clock).run(options);
			double auc = result.model().artifact().evaluation().holdout().rocAuc();
			boolean belowFloor = auc < options.minAuc() && !options.force();
			Path written = null;
			if (options.dump() && !belowFloor) {
				written = options.artifactPath();
				write(result, written);
			}
			this.out.print(TrainingReport.format(result, written));
			this.out.flush();
			if (options.dump() && belowFloor) {
				fail(1, String.format(Locale.ROOT, "the validation ROC AUC %.4f is below the floor %.2f (--min-auc); "
						+ "nothing was written, and %s is unchanged. Give --force to write it anyway",
						auc, options.minAuc(), options.artifactPath()));
			}
		}
		catch (TrainingException ex) {
			fail(1, ex.getMessage());
		}
	}

	private static void write(TrainingResult result, Path target) {
		try {
			ModelArtifactJson.write(result.model().artifact(), target);
		}
		catch (IOException ex) {
			throw new TrainingException("cannot write the model to " + target + ": " + ex, ex);
		}
	}

	private void fail(int code, String message) {
		this.exitCode = code;
		this.err.println("error: " + message);
		this.err.flush();
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
