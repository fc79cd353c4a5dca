package org.heartdisease.training.command;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.system.ApplicationHome;
import org.springframework.stereotype.Component;

import org.heartdisease.model.ModelArtifactJson;
import org.heartdisease.training.fit.Progress;
import org.heartdisease.training.fit.TrainingException;
import org.heartdisease.training.fit.TrainingPipeline;
import org.heartdisease.training.fit.TrainingResult;
import org.heartdisease.training.report.ModelCard;
import org.heartdisease.training.report.TrainingReport;

/**
 * Trains, evaluates and writes the model and its model card when the application is started with
 * {@code --train}; absent otherwise, so serving never trains. Progress goes to stderr, the report
 * (the Python demo's three lines first) to stdout.
 *
 * <p>A failure prints one {@code error: ...} line to stderr and sets a non-zero exit code (2 for
 * bad options, 1 for anything else, even an unexpected exception, whose stack trace is logged at DEBUG
 * only); it is not thrown, so Spring Boot's start-up failure report
 * with its stack trace does not bury the message.
 */
@Component
@ConditionalOnProperty("train")
class TrainingRunner extends CommandRunner {

	private static final Log logger = LogFactory.getLog(TrainingRunner.class);

	private final Clock clock;

	TrainingRunner() {
		this(Clock.systemUTC(), System.out, System.err);
	}

	TrainingRunner(Clock clock, PrintStream out, PrintStream err) {
		super(out, err);
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		TrainingOptions options = options(arguments, TrainingOptions::parse);
		if (options == null) {
			return;
		}
		try {
			TrainingResult result = new TrainingPipeline(this.clock).run(options.settings(),
					new ConsoleProgress(this.err));
			double auc = result.model().artifact().evaluation().holdout().rocAuc();
			boolean belowFloor = auc < options.minHoldoutAuc() && !options.force();
			List<Path> written = new ArrayList<>();
			if (options.write() && !belowFloor) {
				// The artifact is the commit point, so it is written last: it is what is served and gated, and
				// it must never sit beside a card that describes another model. A failure while writing the
				// card (three files, each atomically) leaves the previous artifact and card untouched; only a
				// failure of the artifact's own write can leave a newer card, and that message says so.
				List<Path> card = ModelCard.write(result, options.cardPath());
				write(result, options.artifactPath(), card);
				written.add(options.artifactPath());
				written.addAll(card);
			}
			this.out.print(TrainingReport.format(result, written, belowFloor ? "below --min-holdout-auc" : "--no-dump"));
			if (!written.isEmpty()) {
				this.out.println();
				this.out.print(TrainingReport.nextSteps(options.artifactPath(), runningJar()));
			}
			this.out.flush();
			if (options.write() && belowFloor) {
				fail(1, String.format(Locale.ROOT, "the validation ROC AUC %.4f is below the floor %.2f (--min-holdout-auc); "
						+ "nothing was written, and %s is unchanged. Give --force to write it anyway",
						auc, options.minHoldoutAuc(), options.artifactPath()));
			}
		}
		catch (TrainingException ex) {
			fail(1, ex.getMessage());
		}
		catch (RuntimeException ex) {
			// A bug or an unforeseen failure: still one line, not Spring Boot's report with a stack trace.
			logger.debug("--train failed", ex);
			fail(1, "training failed: " + ex + " (run with --logging.level.org.heartdisease=debug for the stack trace)");
		}
	}

	private static void write(TrainingResult result, Path target, List<Path> card) {
		try {
			ModelArtifactJson.write(result.model().artifact(), target);
		}
		catch (IOException ex) {
			throw new TrainingException("cannot write the model to " + target + ": " + ex + "; " + target
					+ " is unchanged, but its model card " + card + " already describes the new model: train again", ex);
		}
	}

	/** @return the jar this runs from, relative to the working directory where it lies below it, or null */
	static Path runningJar() {
		File source = new ApplicationHome(TrainingRunner.class).getSource();
		if (source == null || !source.isFile() || !source.getName().endsWith(".jar")) {
			return null;
		}
		Path jar = source.toPath().toAbsolutePath().normalize();
		Path here = Path.of("").toAbsolutePath();
		return jar.startsWith(here) ? here.relativize(jar) : jar;
	}

	/**
	 * Prints the progress of long steps to stderr, keeping stdout for the report: every fold of a
	 * k-fold cross-validation, every tenth of a leave-one-out, each with the seconds since training began.
	 */
	static final class ConsoleProgress implements Progress {

		private final PrintStream err;

		private final long started = System.nanoTime();

		ConsoleProgress(PrintStream err) {
			this.err = err;
		}

		@Override
		public void update(String step, int done, int total) {
			int every = (total <= 20) ? 1 : (total + 9) / 10;
			if (done % every == 0 || done == total) {
				this.err.printf(Locale.ROOT, "%s: %d/%d %s (%.1f s)%n", step, done, total,
						(total == 1) ? "fold" : "folds", (System.nanoTime() - this.started) / 1e9);
				this.err.flush();
			}
		}

		@Override
		public void warning(String message) {
			this.err.println("warning: " + message);
			this.err.flush();
		}

	}


}
