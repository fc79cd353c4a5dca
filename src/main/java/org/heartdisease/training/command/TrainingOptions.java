package org.heartdisease.training.command;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.heartdisease.model.Field;
import org.heartdisease.training.fit.DatasetFormat;
import org.heartdisease.training.fit.DatasetReader;
import org.heartdisease.training.fit.DatasetSource;
import org.heartdisease.training.fit.TrainingSettings;

/**
 * The options of {@code --train}, bound from the {@code --name=value} command line by
 * {@link CommandLineOptions} (Spring Boot's {@code @ConfigurationProperties} binding, at the root,
 * with these defaults) and, with {@link Option}, the source of {@code --help}. The constructor checks
 * every value, and the options against each other, each failure one line naming the option.
 *
 * @param dataset the path or URL of the training data
 * @param datasetSha256 the SHA-256 the data must have, or {@code null}
 * @param format the data's layout, or {@code null} to detect it
 * @param label the label column of csv data, or {@code null}
 * @param positive the label values of csv data that mean disease
 * @param negative the label values of csv data that mean no disease
 * @param missing {@code FIELD:VALUE} pairs of values read as missing (see {@link #missingMarkers()})
 * @param testSize the share of rows held out for validation
 * @param seed the seed of the split and the folds
 * @param folds the number of cross-validation folds, or {@code loo}
 * @param outputDir where the artifact and its model card are written
 * @param tag the suffix of the artifact's name
 * @param dump {@code --dump}, or {@code null} when not given (writing is the default)
 * @param noDump {@code --no-dump}: evaluate, but write nothing
 * @param minHoldoutAuc the hold-out ROC AUC below which the artifact is not written
 * @param force whether to write the artifact even below {@code minHoldoutAuc}
 */
@ConfigurationProperties
public record TrainingOptions(
		@Option(value = "PATH_OR_URL", help = "training data: a path, a file: URL or an http(s):// URL")
		@DefaultValue(DatasetSource.DEFAULT) String dataset,
		@Option(value = "HEX", help = "fail unless the data has this SHA-256")
		String datasetSha256,
		@Option(help = "the data's layout (default: csv when the first line has a letter, else uci)")
		DatasetFormat format,
		@Option(value = "COLUMN", help = "the label column of csv data (required for csv)") String label,
		@Option(value = "VALUE[,VALUE]", help = "the label values of csv data that mean heart disease (required for "
				+ "csv; the Kaggle heart.csv needs --label=target --positive=0, its target=1 means NO disease)")
		@DefaultValue List<String> positive,
		@Option(value = "VALUE[,VALUE]", help = "the label values of csv data that mean no disease (optional; when "
				+ "given, any other value is an error; when absent, every value not in --positive is clear, and the "
				+ "report lists which label values went to which class)")
		@DefaultValue List<String> negative,
		@Option(value = "FIELD:VALUE[,...]", help = "values that mean 'missing' besides ? and an empty cell, counted "
				+ "and imputed like them (the Kaggle heart.csv needs --missing=ca:4,thal:0: its missing ca and thal "
				+ "were replaced by those out-of-range codes)")
		@DefaultValue List<String> missing,
		@Option(value = "FRACTION", help = "the share of rows held out for validation")
		@DefaultValue("0.2") double testSize,
		@Option(value = "N", help = "the seed of the hold-out split and the folds") @DefaultValue("42") long seed,
		@Option(value = "K|loo", help = "the number of stratified cross-validation folds, or loo for leave-one-out: "
				+ "one model per row, scored on the pooled predictions (slower)")
		@DefaultValue("5") String folds,
		@Option(value = "DIR", help = "where the artifact and its model card are written")
		@DefaultValue("model") String outputDir,
		@Option(value = "SUFFIX", help = "the artifact is written to heart-disease{SUFFIX}.json, its model card to "
				+ "heart-disease{SUFFIX}.md with two .svg plots")
		@DefaultValue("") String tag,
		@Option(help = "write the artifact and its model card (the default)") Boolean dump,
		@Option(help = "evaluate and print, but write nothing") @DefaultValue("false") boolean noDump,
		@Option(value = "AUC", help = "write no artifact when the hold-out (validation) ROC AUC is below this floor")
		@DefaultValue("" + TrainingOptions.DEFAULT_MIN_HOLDOUT_AUC) double minHoldoutAuc,
		@Option(help = "write the artifact even below --min-holdout-auc") @DefaultValue("false") boolean force) {

	/** The hold-out ROC AUC below which a model is not written unless forced. */
	public static final double DEFAULT_MIN_HOLDOUT_AUC = 0.75;

	/** The command's own options besides the record's, in the order {@code --help} lists them. */
	static final String[] COMMANDS = { "train", "help" };

	public TrainingOptions {
		CommandLineOptions.require(!dataset.isBlank(), "dataset", "must not be blank", dataset);
		CommandLineOptions.require(datasetSha256 == null || datasetSha256.matches("[0-9a-fA-F]{64}"), "dataset-sha256",
				"must be 64 hexadecimal digits", datasetSha256);
		CommandLineOptions.require(testSize > 0 && testSize < 1, "test-size", "must lie strictly between 0 and 1",
				testSize);
		CommandLineOptions.require(!outputDir.isBlank(), "output-dir", "must not be blank", outputDir);
		CommandLineOptions.require(tag.matches("[A-Za-z0-9._-]*"), "tag",
				"may hold only letters, digits, '.', '_' and '-'", tag);
		CommandLineOptions.require(CommandLineOptions.fraction(minHoldoutAuc), "min-holdout-auc",
				"must lie between 0 and 1", minHoldoutAuc);
		positive = CommandLineOptions.values("positive", positive, "label values");
		negative = CommandLineOptions.values("negative", negative, "label values");
		missing = List.copyOf(missing);
		List<String> given = positive;
		List<String> both = negative.stream()
			.filter((value) -> given.stream().anyMatch((other) -> DatasetReader.same(other, value)))
			.toList();
		if (!both.isEmpty()) {
			throw new OptionException("--positive and --negative both hold " + both + "; a label value means one class");
		}
		if (Boolean.TRUE.equals(dump) && noDump) {
			throw new OptionException("--dump and --no-dump contradict each other; give one");
		}
		foldCount(folds);
		missing(missing);
		try {
			Path.of(outputDir);
		}
		catch (InvalidPathException ex) {
			throw new OptionException("--output-dir must be a valid directory path; got " + outputDir);
		}
	}

	/**
	 * @param args the command line
	 * @return its {@code --train} options
	 * @throws OptionException naming the first bad option and what it accepts
	 */
	public static TrainingOptions parse(String... args) {
		return CommandLineOptions.bind(TrainingOptions.class, args, COMMANDS);
	}

	private static int foldCount(String folds) {
		String value = folds.trim();
		if (value.equalsIgnoreCase("loo")) {
			return TrainingSettings.LEAVE_ONE_OUT;
		}
		try {
			int count = Integer.parseInt(value);
			if (count >= 2) {
				return count;
			}
		}
		catch (NumberFormatException ex) {
			// Said below.
		}
		throw new OptionException("--folds must be a whole number of at least 2, or loo; got " + folds);
	}

	/** @return {@code --missing=ca:4,thal:0} as {ca=[4], thal=[0]}, in field order */
	private static Map<String, List<String>> missing(List<String> pairs) {
		String expected = "; write --missing=FIELD:VALUE[,FIELD:VALUE], for example --missing=ca:4,thal:0";
		Map<Field, List<String>> markers = new TreeMap<>();
		for (String pair : pairs) {
			String[] parts = pair.trim().split(":", -1);
			if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
				throw new OptionException("--missing: '" + pair.trim() + "' is not FIELD:VALUE" + expected);
			}
			String name = parts[0].trim();
			Field field = Field.byJsonName(name).orElseThrow(() -> new OptionException("--missing: '" + name
					+ "' is not a field; the fields are " + Field.all().stream().map(Field::jsonName).toList()));
			String marker = parts[1].trim();
			try {
				new BigDecimal(marker);
			}
			catch (NumberFormatException ex) {
				throw new OptionException("--missing: the value of " + name + " must be a number, not '" + marker
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

	/** @return per field name, in field order, the values {@code --missing} reads as missing */
	public Map<String, List<String>> missingMarkers() {
		return missing(this.missing);
	}

	/** @return the number of folds, or {@link TrainingSettings#LEAVE_ONE_OUT} for {@code --folds=loo} */
	public int foldCount() {
		return foldCount(this.folds);
	}

	/** @return whether the artifact and its model card are written */
	public boolean write() {
		return !this.noDump && !Boolean.FALSE.equals(this.dump);
	}

	/** @return what fitting needs of these options */
	public TrainingSettings settings() {
		return new TrainingSettings(this.dataset, this.datasetSha256, this.format, this.label, this.positive,
				this.negative, missingMarkers(), this.testSize, this.seed, foldCount(), this.tag);
	}

	/** @return the file the artifact is written to */
	public Path artifactPath() {
		return Path.of(this.outputDir).resolve("heart-disease" + this.tag + ".json");
	}

	/** @return the model card's file, beside the artifact */
	public Path cardPath() {
		return Path.of(this.outputDir).resolve("heart-disease" + this.tag + ".md");
	}

}
