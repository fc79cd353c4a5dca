package org.heartdisease.batch.command;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.heartdisease.batch.BatchFormat;
import org.heartdisease.training.command.CommandLineOptions;
import org.heartdisease.training.command.Option;
import org.heartdisease.training.command.OptionException;

/**
 * The options of {@code --score}, bound from the {@code --name=value} command line by
 * {@link CommandLineOptions} and, with {@link Option}, the source of its part of {@code --help}.
 *
 * @param score the file to score, or {@value #STANDARD} for standard input
 * @param output where the scored file goes, {@value #STANDARD} for standard output, or {@code null} for
 * {@code <name>.scored.<ext>} beside a file and standard output for standard input
 * @param format the input's layout, or {@code null} to tell it by the extension, else by the first line
 * @param manifest where the manifest goes, {@value #NONE}, or {@code null} for {@code <output>.manifest.json}
 * beside a file output and none for standard output
 * @param maxBytes the largest input scored, in bytes
 * @param quiet whether to print no progress and no summary (errors are still printed)
 */
@ConfigurationProperties
public record ScoringOptions(
		@Option(value = "PATH|-", help = "score this file with the served model (instead of serving): csv with a "
				+ "header, the UCI .data layout or JSON Lines; - reads standard input. Exit 0 when scored (bad rows "
				+ "are marked in place), 1 when the file cannot be read, 2 for a bad option")
		String score,
		@Option(value = "PATH|-", help = "where the scored file goes, written under a temporary name and renamed when "
				+ "complete; - is standard output (default: NAME.scored.EXT beside the input, or standard output "
				+ "for standard input)")
		String output,
		@Option(help = "the input's layout (default: by the extension .csv, .data, .jsonl or .ndjson, else by the first "
				+ "line)")
		BatchFormat format,
		@Option(value = "PATH|none", help = "where the run's manifest (counts, checksums, the model) goes (default: "
				+ "OUTPUT.manifest.json beside a file output, none for standard output)")
		String manifest,
		@Option(value = "BYTES", help = "the largest input scored") @DefaultValue("1073741824") long maxBytes,
		@Option(help = "print no progress and no summary, only errors") @DefaultValue("false") boolean quiet) {

	/** The path that means standard input or output. */
	public static final String STANDARD = "-";

	/** The value of {@code --manifest} that writes none. */
	public static final String NONE = "none";

	/** The command's own options besides the record's. */
	static final String[] COMMANDS = { "help" };

	public ScoringOptions {
		CommandLineOptions.require(score != null && !score.isBlank(), "score",
				"needs the file to score: --score=PATH, or --score=- for standard input", null);
		CommandLineOptions.require(output == null || !output.isBlank(), "output", "must not be blank", output);
		CommandLineOptions.require(manifest == null || !manifest.isBlank(), "manifest", "must not be blank", manifest);
		CommandLineOptions.require(maxBytes > 0, "max-bytes", "must be a positive number of bytes", maxBytes);
		path("score", score);
		path("output", output);
		path("manifest", manifest);
		Path input = file(score);
		Path out = fileOrNull(output, input);
		CommandLineOptions.require(input == null || out == null || !same(input, out), "output",
				"must not be the input file", output);
		Path written = manifestFile(manifest, out);
		CommandLineOptions.require(written == null || (!same(written, out) && (input == null || !same(written, input))),
				"manifest", "must be neither the input nor the output file", manifest);
	}

	/**
	 * @param args the command line
	 * @return its {@code --score} options
	 * @throws OptionException naming the first bad option and what it accepts
	 */
	public static ScoringOptions parse(String... args) {
		return CommandLineOptions.bind(ScoringOptions.class, args, COMMANDS);
	}

	/** @return the usage text of {@code --score}'s options, from this record */
	public static String usage() {
		StringBuilder usage = new StringBuilder(
				"\nUsage: java -jar " + CommandLineOptions.jar() + " --score=PATH|- [--output=PATH|-] [options]\n\n");
		usage.append(CommandLineOptions.usage(ScoringOptions.class));
		return usage.toString();
	}

	/** @return the input file, or {@code null} for standard input */
	public Path input() {
		return file(this.score);
	}

	/** @return the output file, or {@code null} for standard output */
	public Path outputFile() {
		return fileOrNull(this.output, input());
	}

	/** @return the manifest file, or {@code null} when none is written */
	public Path manifestFile() {
		return manifestFile(this.manifest, outputFile());
	}

	/** @return the name the input goes by in messages and the manifest */
	public String inputName() {
		return STANDARD.equals(this.score) ? "stdin" : this.score;
	}

	private static Path file(String value) {
		return (value == null || STANDARD.equals(value)) ? null : Path.of(value);
	}

	private static Path fileOrNull(String output, Path input) {
		if (output != null) {
			return file(output);
		}
		return (input != null) ? scoredName(input) : null;
	}

	private static Path manifestFile(String manifest, Path output) {
		if (NONE.equals(manifest)) {
			return null;
		}
		if (manifest != null) {
			return Path.of(manifest);
		}
		return (output != null) ? output.resolveSibling(output.getFileName() + ".manifest.json") : null;
	}

	/** @return {@code patients.scored.csv} beside {@code patients.csv}; the extension is kept */
	static Path scoredName(Path input) {
		String name = input.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String scored = (dot > 0) ? name.substring(0, dot) + ".scored" + name.substring(dot) : name + ".scored";
		return input.resolveSibling(scored);
	}

	private static boolean same(Path one, Path other) {
		return one.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize());
	}

	private static void path(String option, String value) {
		try {
			if (value != null) {
				Path.of(value);
			}
		}
		catch (InvalidPathException ex) {
			throw new OptionException("--" + option + " must be a valid path; got " + value);
		}
	}

}
