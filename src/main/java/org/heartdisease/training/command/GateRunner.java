package org.heartdisease.training.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

	/** The value of {@code --published} that says no model is published yet. */
	static final String NONE = "none";

	private static final Map<String, String> OPTIONS = options();

	GateRunner() {
		this(System.out, System.err);
	}

	GateRunner(PrintStream out, PrintStream err) {
		super(out, err);
	}

	private static Map<String, String> options() {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("gate", "compare a candidate artifact with the published one (instead of serving); exit 0 if it may "
				+ "replace it, 1 if not");
		options.put("candidate=PATH", "the newly trained artifact (required)");
		options.put("published=PATH|none", "the published artifact, or none when nothing is published yet (required)");
		options.put("min-auc=AUC", "the floor of the candidate's cross-validated ROC AUC (default "
				+ QualityGate.DEFAULT_MIN_AUC + ")");
		options.put("max-drop=AUC", "how far below the published model's cross-validated ROC AUC the candidate may fall "
				+ "(default " + QualityGate.DEFAULT_MAX_DROP + ")");
		return options;
	}

	/** @return the usage text of the gate's options */
	static String usage() {
		StringBuilder usage = new StringBuilder(
				"\nUsage: java -jar " + TrainingOptions.jar() + " --gate --candidate=PATH --published=PATH|none [options]\n\n");
		OPTIONS.forEach((option, help) -> usage.append(String.format("  --%-30s %s%n", option, help)));
		return usage.toString();
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (arguments.containsOption("help")) {
			return;
		}
		QualityGate gate;
		Path candidate;
		String published;
		try {
			List<String> names = OPTIONS.keySet().stream().map((option) -> option.replaceFirst("=.*", "")).toList();
			List<String> unknown = arguments.getOptionNames().stream()
				.filter((name) -> !names.contains(name) && !name.contains("."))
				.sorted()
				.toList();
			if (!unknown.isEmpty() || !arguments.getNonOptionArgs().isEmpty()) {
				throw new IllegalArgumentException("unknown option(s) " + unknown.stream().map((name) -> "--" + name).toList()
						+ arguments.getNonOptionArgs() + "; valid options: " + names.stream().map((name) -> "--" + name).toList());
			}
			candidate = Path.of(required(arguments, "candidate"));
			published = required(arguments, "published");
			if (!published.equals(NONE)) {
				Path.of(published);
			}
			gate = new QualityGate(number(arguments, "min-auc", QualityGate.DEFAULT_MIN_AUC),
					number(arguments, "max-drop", QualityGate.DEFAULT_MAX_DROP));
		}
		catch (IllegalArgumentException ex) {
			fail(2, ex.getMessage() + " (see --help)");
			return;
		}
		try {
			ModelArtifact candidateArtifact = read(candidate);
			ModelArtifact publishedArtifact = published.equals(NONE) ? null : read(Path.of(published));
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
			this.out.printf(Locale.ROOT, "Gate: floor %.4f, allowed drop %.4f: %s (%s)%n", gate.minAuc(), gate.maxDrop(),
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

	private static String required(ApplicationArguments arguments, String name) {
		List<String> values = arguments.getOptionValues(name);
		if (values == null || values.size() != 1 || values.get(0).isBlank()) {
			throw new IllegalArgumentException("--" + name + " needs exactly one value: --" + name + "=...");
		}
		return values.get(0);
	}

	private static double number(ApplicationArguments arguments, String name, double fallback) {
		if (!arguments.containsOption(name)) {
			return fallback;
		}
		String value = required(arguments, name);
		try {
			return Double.parseDouble(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be a number, not '" + value + "'");
		}
	}


}
