package org.heartdisease.training.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import org.heartdisease.model.Evaluation;
import org.heartdisease.model.InvalidModelException;
import org.heartdisease.model.ModelArtifact;
import org.heartdisease.model.ModelArtifactJson;
import org.heartdisease.training.fit.QualityGate;

/**
 * Compares a candidate artifact with the published one through {@link QualityGate} when the
 * application is started with {@code --gate}, printing both ROC AUCs; exit code 0 when the
 * candidate passes, 1 when it fails or an artifact is unreadable, 2 for a bad option; always one
 * {@code error: ...} line and no stack trace (logged at DEBUG only) when it does not pass.
 */
@Component
@ConditionalOnProperty("gate")
class GateRunner extends CommandRunner {

	private static final Log logger = LogFactory.getLog(GateRunner.class);

	GateRunner() {
		this(System.out, System.err);
	}

	GateRunner(PrintStream out, PrintStream err) {
		super(out, err);
	}

	/** @return the usage text of the gate's options, from {@link GateOptions} */
	static String usage() {
		StringBuilder usage = new StringBuilder(
				"\nUsage: java -jar " + CommandLineOptions.jar() + " --gate --candidate=PATH --published=PATH|none [options]\n\n");
		CommandLineOptions.line(usage, "gate", "compare a candidate artifact with the published one (instead of "
				+ "serving); exit 0 if it may replace it, 1 if not");
		usage.append(CommandLineOptions.usage(GateOptions.class));
		return usage.toString();
	}

	@Override
	public void run(ApplicationArguments arguments) {
		GateOptions options = options(arguments, GateOptions::parse);
		if (options == null) {
			return;
		}
		QualityGate gate = options.gate();
		Path candidate = Path.of(options.candidate());
		String published = options.published();
		try {
			ModelArtifact candidateArtifact = read(candidate);
			ModelArtifact publishedArtifact = options.nonePublished() ? null : read(Path.of(published));
			QualityGate.Decision decision = gate.check(candidateArtifact.evaluation(),
					(publishedArtifact != null) ? publishedArtifact.evaluation() : null);
			this.out.println(describe("Candidate", candidate.toString(), candidateArtifact));
			this.out.println((publishedArtifact != null) ? describe("Published", published, publishedArtifact)
					: "Published: none");
			List<String> contract = (publishedArtifact != null)
					? QualityGate.contractDifferences(candidateArtifact, publishedArtifact) : List.of();
			if (!contract.isEmpty()) {
				// Another input contract answers the same request differently: not a replacement at any AUC.
				String reason = "the candidate's input contract differs from the published model's: "
						+ String.join("; ", contract);
				this.out.printf(Locale.ROOT, "Gate: FAILED (%s)%n", reason);
				this.out.flush();
				fail(1, "quality gate failed: " + reason);
				return;
			}
			this.out.printf(Locale.ROOT, "Gate: floor %.4f, allowed drop %.4f: %s (%s)%n", gate.minCvAuc(), gate.maxDrop(),
					decision.passed() ? "PASSED" : "FAILED", decision.reason());
			this.out.flush();
			if (!decision.passed()) {
				fail(1, "quality gate failed: " + decision.reason());
			}
		}
		catch (InvalidModelException ex) {
			fail(1, ex.getMessage());
		}
		catch (RuntimeException ex) {
			// A bug or an unforeseen failure: still one line, not Spring Boot's report with a stack trace.
			logger.debug("--gate failed", ex);
			fail(1, "the quality gate could not run: " + ex
					+ " (run with --logging.level.org.heartdisease=debug for the stack trace)");
		}
	}

	private static String describe(String role, String where, ModelArtifact artifact) {
		Evaluation evaluation = artifact.evaluation();
		Evaluation.CrossValidation cv = evaluation.crossValidation();
		return String.format(Locale.ROOT,
				"%s: %s (trained %s): cross-validated ROC AUC %.4f ± %.4f (%d folds), hold-out ROC AUC %.4f", role, where,
				artifact.trainedAt(), cv.rocAuc().mean(), cv.rocAuc().sd(), cv.folds(), evaluation.holdout().rocAuc());
	}

	private static ModelArtifact read(Path path) {
		try (InputStream in = Files.newInputStream(path)) {
			return ModelArtifactJson.read(in, path.toString()).artifact();
		}
		catch (NoSuchFileException ex) {
			throw new InvalidModelException("cannot read the model artifact " + path + ": no such file");
		}
		catch (IOException ex) {
			throw new InvalidModelException("cannot read the model artifact " + path + ": " + ex);
		}
	}

}
