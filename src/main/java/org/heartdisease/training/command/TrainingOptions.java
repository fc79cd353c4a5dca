package org.heartdisease.training.command;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.boot.ApplicationArguments;

import org.heartdisease.model.Field;
import org.heartdisease.training.fit.DatasetFormat;
import org.heartdisease.training.fit.DatasetReader;
import org.heartdisease.training.fit.DatasetSource;
import org.heartdisease.training.fit.TrainingException;

/**
 * The validated settings of one training run, parsed from the command line.
 *
 * @param dataset the path or URL of the training data
 * @param datasetSha256 the SHA-256 the data must have, or {@code null}
 * @param format the data's layout, or {@code null} to detect it
 * @param label the label column of csv data, or {@code null}
 * @param positive the label values of csv data that mean disease
 * @param negative the label values of csv data that mean no disease; when empty, every value not in
 * {@code positive} means no disease (and the report lists which values went where)
 * @param missing per field name, the values that mark a missing value besides {@code ?} and an empty
 * cell ({@code --missing=ca:4,thal:0} for the Kaggle heart.csv), in field order
 * @param testSize the share of rows held out for validation
 * @param seed the seed of the split and the folds
 * @param folds the number of cross-validation folds, or {@link #LEAVE_ONE_OUT}
 * @param outputDir where the artifact and its model card are written
 * @param tag the suffix of the artifact's name
 * @param dump whether to write the artifact and its model card
 * @param minAuc the validation ROC AUC below which the artifact is not written
 * @param force whether to write the artifact even below {@code minAuc}
 */
public record TrainingOptions(String dataset, String datasetSha256, DatasetFormat format, String label,
		List<String> positive, List<String> negative, Map<String, List<String>> missing, double testSize, long seed, int folds, Path outputDir, String tag, boolean dump,
		double minAuc, boolean force) {

	/** The validation ROC AUC below which a model is not written unless forced. */
	public static final double DEFAULT_MIN_AUC = 0.75;

	/** The value of {@code folds} for leave-one-out ({@code --folds=loo}): one fold per row. */
	public static final int LEAVE_ONE_OUT = 0;

	private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

	private static final Pattern TAG = Pattern.compile("[A-Za-z0-9._-]*");

	/** Every option, with its help text. */
	private static final Map<String, String> OPTIONS = options();

	public TrainingOptions {
		positive = List.copyOf(positive);
		negative = List.copyOf(negative);
		Map<String, List<String>> markers = new LinkedHashMap<>();
		missing.forEach((field, values) -> markers.put(field, List.copyOf(values)));
		missing = Collections.unmodifiableMap(markers);
	}

	private static Map<String, String> options() {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("train", "train the model, evaluate it and write the artifact (instead of serving)");
		options.put("help", "print this help and exit");
		options.put("dataset=PATH_OR_URL", "training data: a path, a file: URL or an http(s):// URL (default "
				+ DatasetSource.DEFAULT + ")");
		options.put("dataset-sha256=HEX", "fail unless the data has this SHA-256");
		options.put("format=uci|csv", "the data's layout (default: csv when the first line has a letter, else uci)");
		options.put("label=COLUMN", "the label column of csv data (required for csv)");
		options.put("positive=VALUE[,VALUE]", "the label values of csv data that mean heart disease (required for "
				+ "csv; the Kaggle heart.csv needs --label=target --positive=0, its target=1 means NO disease)");
		options.put("negative=VALUE[,VALUE]", "the label values of csv data that mean no disease (optional; when "
				+ "given, any other value is an error; when absent, every value not in --positive is clear, and the "
				+ "report lists which label values went to which class)");
		options.put("missing=FIELD:VALUE[,...]", "values that mean 'missing' besides ? and an empty cell, counted and "
				+ "imputed like them (the Kaggle heart.csv needs --missing=ca:4,thal:0: its missing ca and thal were "
				+ "replaced by those out-of-range codes)");
		options.put("test-size=FRACTION", "the share of rows held out for validation (default 0.2)");
		options.put("seed=N", "the seed of the hold-out split and the folds (default 42)");
		options.put("folds=K|loo", "the number of stratified cross-validation folds (default 5), or loo for "
				+ "leave-one-out: one model per row, scored on the pooled predictions (slower)");
		options.put("output-dir=DIR", "where the artifact and its model card are written (default model)");
		options.put("tag=SUFFIX", "the artifact is written to heart-disease{SUFFIX}.json, its model card to "
				+ "heart-disease{SUFFIX}.md with two .svg plots (default empty)");
		options.put("dump", "write the artifact and its model card (the default)");
		options.put("no-dump", "evaluate and print, but write nothing");
		options.put("min-auc=AUC", "write no artifact when the validation ROC AUC is below this floor (default "
				+ DEFAULT_MIN_AUC + ")");
		options.put("force", "write the artifact even below --min-auc");
		return options;
	}

	/** @return the option names, without values */
	private static List<String> names() {
		return OPTIONS.keySet().stream().map((option) -> option.replaceFirst("=.*", "")).toList();
	}

	/** @return the usage text of every option, naming the jar as {@link #jar()} does */
	public static String usage() {
		return usage(jar());
	}

	/**
	 * @param jar how to name the jar in the usage line
	 * @return the usage text of every option
	 */
	static String usage(String jar) {
		StringBuilder usage = new StringBuilder("Usage: java -jar " + jar + " --train [options]\n\n");
		OPTIONS.forEach((option, help) -> usage.append(String.format("  --%-30s %s%n", option, help)));
		usage.append("\nOptions whose name contains a dot are Spring properties and passed through.\n");
		return usage.toString();
	}

	/**
	 * @return the jar this runs from, relative to the working directory where it lies below it, or
	 * else where the build puts it: {@code target/heart-disease-function-<version>.jar}
	 */
	static String jar() {
		Path running = TrainingRunner.runningJar();
		if (running != null) {
			return running.toString();
		}
		String version = TrainingOptions.class.getPackage().getImplementationVersion();
		return "target/heart-disease-function-" + ((version != null) ? version : "<version>") + ".jar";
	}

	/**
	 * @param arguments the command line
	 * @return the validated options
	 * @throws TrainingException naming the bad option and what it accepts
	 */
	public static TrainingOptions from(ApplicationArguments arguments) {
		if (!arguments.getNonOptionArgs().isEmpty()) {
			throw new TrainingException("unexpected argument(s) " + arguments.getNonOptionArgs()
					+ "; options are written --name=value");
		}
		List<String> unknown = arguments.getOptionNames().stream()
			.filter((name) -> !names().contains(name) && !name.contains("."))
			.sorted()
			.toList();
		if (!unknown.isEmpty()) {
			throw new TrainingException("unknown option(s) " + unknown.stream().map((name) -> "--" + name).toList()
					+ "; valid options: " + names().stream().map((name) -> "--" + name).toList());
		}
		Values values = new Values(arguments);
		for (String flag : List.of("help", "dump", "no-dump", "force")) {
			if (values.get(flag) != null && !values.get(flag).isEmpty()) {
				throw new TrainingException("--" + flag + " takes no value");
			}
		}
		if (arguments.containsOption("dump") && arguments.containsOption("no-dump")) {
			throw new TrainingException("--dump and --no-dump contradict each other; give one");
		}
		String sha256 = values.getOrDefault("dataset-sha256", null);
		if (sha256 != null && !SHA256.matcher(sha256).matches()) {
			throw new TrainingException("--dataset-sha256 must be 64 hexadecimal digits, not '" + sha256 + "'");
		}
		String tag = values.getOrDefault("tag", "");
		if (!TAG.matcher(tag).matches()) {
			throw new TrainingException("--tag may hold only letters, digits, '.', '_' and '-', not '" + tag + "'");
		}
		List<String> positives = list(values, "positive");
		List<String> negatives = list(values, "negative");
		List<String> both = positives.stream().filter((value) -> negatives.stream()
			.anyMatch((other) -> DatasetReader.same(value, other))).toList();
		if (!both.isEmpty()) {
			throw new TrainingException("--positive and --negative both hold " + both + "; a label value means one class");
		}
		Map<String, List<String>> missing = missing(values.getOrDefault("missing", null));
		double testSize = values.parse("test-size", "0.2", Double::parseDouble, "a number");
		if (!(testSize > 0 && testSize < 1)) {
			throw new TrainingException("--test-size must lie strictly between 0 and 1, not " + testSize);
		}
		boolean leaveOneOut = "loo".equalsIgnoreCase(values.getOrDefault("folds", "5").trim());
		int folds = leaveOneOut ? LEAVE_ONE_OUT : values.parse("folds", "5", Integer::parseInt, "a whole number or loo");
		if (!leaveOneOut && folds < 2) {
			throw new TrainingException("--folds must be at least 2 (or loo), not " + folds);
		}
		long seed = values.parse("seed", "42", Long::parseLong, "a whole number");
		double minAuc = values.parse("min-auc", String.valueOf(DEFAULT_MIN_AUC), Double::parseDouble, "a number");
		if (!(minAuc >= 0 && minAuc <= 1)) {
			throw new TrainingException("--min-auc must lie between 0 and 1, not " + minAuc);
		}
		DatasetFormat format = values.parse("format", null, DatasetFormat::of, "uci or csv");
		Path outputDir = values.parse("output-dir", "model", Path::of, "a valid directory path");
		return new TrainingOptions(values.getOrDefault("dataset", DatasetSource.DEFAULT), sha256, format,
				values.getOrDefault("label", null), positives, negatives, missing, testSize, seed, folds, outputDir,
				tag, !arguments.containsOption("no-dump"), minAuc, arguments.containsOption("force"));
	}

	private static List<String> list(Values values, String name) {
		String value = values.getOrDefault(name, null);
		List<String> list = (value == null) ? List.of() : Arrays.stream(value.split(",", -1)).map(String::trim).toList();
		if (list.stream().anyMatch(String::isEmpty)) {
			throw new TrainingException("--" + name + " needs one or more comma-separated label values, not '" + value + "'");
		}
		return list;
	}

	/** @return {@code --missing=ca:4,thal:0} as {ca=[4], thal=[0]}, in field order */
	private static Map<String, List<String>> missing(String value) {
		if (value == null) {
			return Map.of();
		}
		String expected = "; write --missing=FIELD:VALUE[,FIELD:VALUE], for example --missing=ca:4,thal:0";
		Map<Field, List<String>> markers = new TreeMap<>();
		for (String pair : value.split(",", -1)) {
			String[] parts = pair.trim().split(":", -1);
			if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
				throw new TrainingException("--missing: '" + pair.trim() + "' is not FIELD:VALUE" + expected);
			}
			String name = parts[0].trim();
			Field field = Field.byJsonName(name).orElseThrow(() -> new TrainingException("--missing: '" + name
					+ "' is not a field; the fields are " + Field.all().stream().map(Field::jsonName).toList()));
			String marker = parts[1].trim();
			try {
				new BigDecimal(marker);
			}
			catch (NumberFormatException ex) {
				throw new TrainingException("--missing: the value of " + name + " must be a number, not '" + marker
						+ "'" + expected);
			}
			List<String> list = markers.computeIfAbsent(field, (key) -> new ArrayList<>());
			if (list.stream().noneMatch((known) -> DatasetReader.same(known, marker))) {
				list.add(marker);
			}
		}
		Map<String, List<String>> byName = new LinkedHashMap<>();
		markers.forEach((field, list) -> byName.put(field.jsonName(), list));
		return byName;
	}

	/** @return whether cross-validation leaves one row out at a time */
	public boolean leaveOneOut() {
		return this.folds == LEAVE_ONE_OUT;
	}

	/** @return the file the artifact is written to */
	public Path artifactPath() {
		return this.outputDir.resolve("heart-disease" + this.tag + ".json");
	}

	/** @return the model card's file, beside the artifact */
	public Path cardPath() {
		return this.outputDir.resolve("heart-disease" + this.tag + ".md");
	}

	/** The single values of options, rejecting repeated or empty ones. */
	private static final class Values {

		private final ApplicationArguments arguments;

		Values(ApplicationArguments arguments) {
			this.arguments = arguments;
		}

		String get(String name) {
			List<String> values = this.arguments.getOptionValues(name);
			if (values == null || values.isEmpty()) {
				return null;
			}
			if (values.size() > 1) {
				throw new TrainingException("--" + name + " is given " + values.size() + " times; give it once");
			}
			return values.get(0);
		}

		String getOrDefault(String name, String fallback) {
			String value = get(name);
			if (value == null && this.arguments.containsOption(name) && !name.equals("tag")) {
				throw new TrainingException("--" + name + " needs a value: --" + name + "=...");
			}
			return (value != null) ? value : fallback;
		}

		<T> T parse(String name, String fallback, Function<String, T> parser, String expected) {
			String value = getOrDefault(name, fallback);
			if (value == null) {
				return null;
			}
			try {
				return parser.apply(value.trim());
			}
			catch (IllegalArgumentException ex) {
				throw new TrainingException("--" + name + " must be " + expected + ", not '" + value + "'");
			}
		}

	}

}
