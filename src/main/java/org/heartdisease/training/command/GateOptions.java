package org.heartdisease.training.command;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
@Validated
public record GateOptions(
		@Option(value = "PATH", help = "the newly trained artifact (required)")
		@NotBlank(message = "is required: --candidate=PATH") String candidate,
		@Option(value = "PATH|none", help = "the published artifact, or none when nothing is published yet (required)")
		@NotBlank(message = "is required: --published=PATH or --published=none") String published,
		@Option(value = "AUC", help = "the floor of the candidate's cross-validated ROC AUC")
		@DefaultValue("" + QualityGate.DEFAULT_MIN_CV_AUC)
		@DecimalMin(value = "0", message = "must lie between 0 and 1")
		@DecimalMax(value = "1", message = "must lie between 0 and 1") double minCvAuc,
		@Option(value = "AUC", help = "how far below the published model's cross-validated ROC AUC the candidate may fall")
		@DefaultValue("" + QualityGate.DEFAULT_MAX_DROP)
		@DecimalMin(value = "0", message = "must lie between 0 and 1")
		@DecimalMax(value = "1", message = "must lie between 0 and 1") double maxDrop) {

	/** The value of {@code --published} that says no model is published yet. */
	public static final String NONE = "none";

	/** The command's own options besides the record's. */
	static final String[] COMMANDS = { "gate", "help" };

	public GateOptions {
		path("candidate", candidate);
		if (!NONE.equals(published)) {
			path("published", published);
		}
	}

	private static void path(String option, String value) {
		if (value == null) {
			return;
		}
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
