package org.heartdisease.training.command;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.heartdisease.training.fit.QualityGate;

/**
 * The options of {@code --gate}, bound from the {@code --name=value} command line by
 * {@link CommandLineOptions} and, with {@link Option}, the source of its part of {@code --help}.
 *
 * @param candidate the newly trained artifact
 * @param published the published artifact, or {@value #NONE}
 * @param minCvAuc the floor of the candidate's cross-validated ROC AUC
 * @param maxDrop how far below the published model's cross-validated ROC AUC the candidate may fall
 */
@ConfigurationProperties
public record GateOptions(
		@Option(value = "PATH", help = "the newly trained artifact (required)")
		String candidate,
		@Option(value = "PATH|none", help = "the published artifact, or none when nothing is published yet (required)")
		String published,
		@Option(value = "AUC", help = "the floor of the candidate's cross-validated ROC AUC")
		@DefaultValue("" + QualityGate.DEFAULT_MIN_CV_AUC) double minCvAuc,
		@Option(value = "AUC", help = "how far below the published model's cross-validated ROC AUC the candidate may fall")
		@DefaultValue("" + QualityGate.DEFAULT_MAX_DROP) double maxDrop) {

	/** The value of {@code --published} that says no model is published yet. */
	public static final String NONE = "none";

	/** The command's own options besides the record's. */
	static final String[] COMMANDS = { "gate", "help" };

	public GateOptions {
		CommandLineOptions.require(candidate != null && !candidate.isBlank(), "candidate",
				"is required: --candidate=PATH", candidate);
		CommandLineOptions.require(published != null && !published.isBlank(), "published",
				"is required: --published=PATH or --published=none", published);
		CommandLineOptions.require(CommandLineOptions.fraction(minCvAuc), "min-cv-auc", "must lie between 0 and 1",
				minCvAuc);
		CommandLineOptions.require(CommandLineOptions.fraction(maxDrop), "max-drop", "must lie between 0 and 1",
				maxDrop);
		path("candidate", candidate);
		if (!NONE.equals(published)) {
			path("published", published);
		}
	}

	private static void path(String option, String value) {
		try {
			Path.of(value);
		}
		catch (InvalidPathException ex) {
			throw new OptionException("--" + option + " must be a valid path; got " + value);
		}
	}

	/**
	 * @param args the command line
	 * @return its {@code --gate} options
	 * @throws OptionException naming the first bad option and what it accepts
	 */
	public static GateOptions parse(String... args) {
		return CommandLineOptions.bind(GateOptions.class, args, COMMANDS);
	}

	/** @return whether no model is published yet */
	public boolean nonePublished() {
		return NONE.equals(this.published);
	}

	/** @return the gate these options set */
	public QualityGate gate() {
		return new QualityGate(this.minCvAuc, this.maxDrop);
	}

}
