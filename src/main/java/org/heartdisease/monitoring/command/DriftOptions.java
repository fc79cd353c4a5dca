package org.heartdisease.monitoring.command;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.heartdisease.training.command.CommandLineOptions;
import org.heartdisease.training.command.Option;
import org.heartdisease.training.command.OptionException;

/**
 * The options of {@code --drift}, bound from the command line by {@link CommandLineOptions} and the source
 * of its part of {@code --help}.
 *
 * @param drift the inputs, comma-separated: payload files in the batch scorer's formats, or metrics
 * exports ({@code /actuator/prometheus} saved to a file); {@value #STANDARD} for standard input. Their
 * counts add up, as those of several instances do.
 * @param format the payload files' layout, or {@code null} to tell each by its name, else its first line
 * @param report where the JSON report goes, {@value #NONE}, or {@code null} for {@code drift.json}
 * beside the first input ({@value #NONE} for standard input)
 * @param chart where the SVG chart goes, {@value #NONE}, or {@code null} for {@code drift.svg} beside the
 * first input
 * @param moderate the index from which a field's shift counts as moderate
 * @param major the index from which it counts as major
 */
@ConfigurationProperties
public record DriftOptions(
		@Option(value = "PATH[,PATH...]|-", help = "compare what was served with the model's training data (instead of "
				+ "serving): payload files (csv, .data, JSON Lines) or saved /actuator/prometheus exports, whose counts "
				+ "add up; - reads standard input. Prints each field's population stability index; exit 0 when "
				+ "computed, 1 when an input cannot be read or the model has no training distribution, 2 for a bad "
				+ "option")
		String drift,
		@Option(help = "the payload files' layout (default: by the extension, else by the first line; a metrics "
				+ "export is told by its first line)")
		String format,
		@Option(value = "PATH|none", help = "where the JSON report goes (default: drift.json beside the first input, "
				+ "none for standard input)")
		String report,
		@Option(value = "PATH|none", help = "where the SVG chart goes (default: drift.svg beside the first input, "
				+ "none for standard input)")
		String chart,
		@Option(value = "PSI", help = "the index from which a shift is moderate") @DefaultValue("0.1") double moderate,
		@Option(value = "PSI", help = "the index from which a shift is major") @DefaultValue("0.25") double major) {

	/** The path that means standard input. */
	public static final String STANDARD = "-";

	/** The value of {@code --report} or {@code --chart} that writes none. */
	public static final String NONE = "none";

	static final String[] COMMANDS = { "help" };

	public DriftOptions {
		CommandLineOptions.require(drift != null && !drift.isBlank(), "drift",
				"needs what to compare: --drift=PATH[,PATH...], or --drift=- for standard input", null);
		CommandLineOptions.require(moderate > 0 && major > moderate, "major",
				"must be above --moderate, and --moderate above 0", major);
		CommandLineOptions.require(format == null || List.of("csv", "uci", "jsonl").contains(format), "format",
				"must be csv, uci or jsonl", format);
		for (String input : drift.split(",")) {
			CommandLineOptions.require(!input.isBlank(), "drift", "must not name an empty path", drift);
			path("drift", input);
		}
		path("report", report);
		path("chart", chart);
	}

	/** @return the options of this command line */
	public static DriftOptions parse(String... args) {
		return CommandLineOptions.bind(DriftOptions.class, args, COMMANDS);
	}

	/** @return the usage text of {@code --drift}'s options, from this record */
	public static String usage() {
		StringBuilder usage = new StringBuilder(
				"\nUsage: java -jar " + CommandLineOptions.jar() + " --drift=PATH[,PATH...]|- [options]\n\n");
		usage.append(CommandLineOptions.usage(DriftOptions.class));
		return usage.toString();
	}

	/** @return the inputs, {@value #STANDARD} for standard input */
	public List<String> inputs() {
		return Arrays.stream(this.drift.split(",")).map(String::strip).toList();
	}

	/** @return the report file, {@code null} for none */
	public Path reportFile() {
		return beside(this.report, "drift.json");
	}

	/** @return the chart file, {@code null} for none */
	public Path chartFile() {
		return beside(this.chart, "drift.svg");
	}

	private Path beside(String value, String name) {
		if (NONE.equals(value)) {
			return null;
		}
		if (value != null) {
			return Path.of(value);
		}
		String first = inputs().get(0);
		return STANDARD.equals(first) ? null : Path.of(first).toAbsolutePath().resolveSibling(name);
	}

	private static void path(String option, String value) {
		try {
			if (value != null && !STANDARD.equals(value)) {
				Path.of(value);
			}
		}
		catch (InvalidPathException ex) {
			throw new OptionException("--" + option + " must be a valid path; got " + value);
		}
	}

}
