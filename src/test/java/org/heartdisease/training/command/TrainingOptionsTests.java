package org.heartdisease.training.command;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.heartdisease.training.fit.DatasetFormat;
import org.heartdisease.training.fit.TrainingSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TrainingOptions}, bound by {@link CommandLineOptions}.
 */
class TrainingOptionsTests {

	private static TrainingOptions parse(String... args) {
		return TrainingOptions.parse(args);
	}

	private static void rejects(String message, String... args) {
		assertThatExceptionOfType(OptionException.class).isThrownBy(() -> parse(args)).withMessage(message);
	}

	@Test
	void shouldDefaultToTheClevelandFileAndTheDemoSplit() {
		TrainingOptions options = parse("--train");
		assertThat(options.dataset()).isEqualTo("datasets/processed.cleveland.data");
		assertThat(options.format()).isNull();
		assertThat(options.testSize()).isEqualTo(0.2);
		assertThat(options.seed()).isEqualTo(42);
		assertThat(options.foldCount()).isEqualTo(5);
		assertThat(options.write()).isTrue();
		assertThat(options.minHoldoutAuc()).isEqualTo(TrainingOptions.DEFAULT_MIN_HOLDOUT_AUC).isEqualTo(0.75);
		assertThat(options.force()).isFalse();
		assertThat(options.tag()).isEmpty();
		assertThat(options.positive()).isEmpty();
		assertThat(options.artifactPath()).isEqualTo(Path.of("model/heart-disease.json"));
	}

	@Test
	void shouldBindEveryOption() {
		TrainingOptions options = parse("--train", "--dataset=https://example.org/heart.csv", "--format=csv",
				"--label=target", "--positive=0, 2", "--test-size=0.25", "--seed=7", "--folds=10", "--output-dir=out",
				"--tag=-kaggle", "--no-dump", "--dataset-sha256=" + "ab".repeat(32), "--spring.main.banner-mode=off",
				"--min-holdout-auc=0.8", "--force");
		assertThat(options.settings()).isEqualTo(new TrainingSettings("https://example.org/heart.csv", "ab".repeat(32),
				DatasetFormat.CSV, "target", List.of("0", "2"), List.of(), Map.of(), 0.25, 7, 10, "-kaggle"));
		assertThat(options.write()).isFalse();
		assertThat(options.minHoldoutAuc()).isEqualTo(0.8);
		assertThat(options.force()).isTrue();
		assertThat(options.artifactPath()).isEqualTo(Path.of("out/heart-disease-kaggle.json"));
		assertThat(parse("--folds=loo").settings().leaveOneOut()).isTrue();
		assertThat(parse("--force=false").force()).isFalse();
		assertThat(parse("--dump").write()).isTrue();
	}

	@Test
	void shouldIgnoreTheEnvironmentAndSystemProperties() {
		System.setProperty("seed", "99");
		try {
			assertThat(parse("--train").seed()).isEqualTo(42);
		}
		finally {
			System.clearProperty("seed");
		}
	}

	@Test
	void shouldParseMissingMarkersInFieldOrderAndNegativeLabels() {
		TrainingOptions options = parse("--train", "--missing=thal:0, ca:4,ca:4.0", "--negative=1");
		assertThat(options.missingMarkers()).containsExactly(Map.entry("ca", List.of("4")),
				Map.entry("thal", List.of("0")));
		assertThat(options.negative()).containsExactly("1");
		assertThat(parse("--train").missingMarkers()).isEmpty();
	}

	@Test
	void shouldRejectBadMissingMarkersAndOverlappingLabels() {
		assertThatExceptionOfType(OptionException.class).isThrownBy(() -> parse("--train", "--missing=vessels:4"))
			.withMessageStartingWith("--missing: 'vessels' is not a field; the fields are [age, sex,");
		assertThatExceptionOfType(OptionException.class).isThrownBy(() -> parse("--train", "--missing=ca:four"))
			.withMessageStartingWith("--missing: the value of ca must be a number, not 'four'");
		assertThatExceptionOfType(OptionException.class).isThrownBy(() -> parse("--train", "--missing=ca"))
			.withMessageStartingWith("--missing: 'ca' is not FIELD:VALUE; write --missing=FIELD:VALUE");
		rejects("--positive and --negative both hold [1.0]; a label value means one class", "--train",
				"--positive=0,1", "--negative=1.0");
	}

	@Test
	void shouldListTheValidOptionsWhenOneIsUnknown() {
		assertThatExceptionOfType(OptionException.class).isThrownBy(() -> parse("--train", "--epochs=3"))
			.withMessageStartingWith("unknown option(s) [--epochs]; valid options: [--train, --help, --dataset,")
			.withMessageContaining("--no-dump, --min-holdout-auc, --force]");
		assertThatExceptionOfType(OptionException.class).isThrownBy(() -> parse("--train", "--min-auc=0.8"))
			.withMessageStartingWith("unknown option(s) [--min-auc]");
	}

	@Test
	void shouldNameTheOptionAndWhatItAcceptsForABadValue() {
		rejects("--seed must be a whole number; got abc", "--train", "--seed=abc");
		rejects("--test-size must lie strictly between 0 and 1; got 1.5", "--train", "--test-size=1.5");
		rejects("--min-holdout-auc must lie between 0 and 1; got -0.1", "--train", "--min-holdout-auc=-0.1");
		rejects("--folds must be a whole number of at least 2, or loo; got 1", "--train", "--folds=1");
		rejects("--folds must be a whole number of at least 2, or loo; got 0", "--train", "--folds=0");
		rejects("--format must be one of uci, csv; got json", "--train", "--format=json");
		rejects("--force must be true or false, or given without a value; got maybe", "--train", "--force=maybe");
	}

	@Test
	void shouldRejectRepeatedContradictoryOrMalformedOptions() {
		rejects("--seed is given 2 times; give it once", "--train", "--seed=1", "--seed=2");
		rejects("--dump and --no-dump contradict each other; give one", "--train", "--dump", "--no-dump");
		rejects("--tag may hold only letters, digits, '.', '_' and '-'; got ../x", "--train", "--tag=../x");
		rejects("--dataset-sha256 must be 64 hexadecimal digits; got abc", "--train", "--dataset-sha256=abc");
		rejects("--dataset must not be blank; got ", "--train", "--dataset");
		assertThatExceptionOfType(OptionException.class).isThrownBy(() -> parse("--train", "heart.csv"))
			.withMessageStartingWith("unexpected argument(s) [heart.csv]");
	}

	@Test
	void shouldDescribeEveryOptionInTheUsageWithItsDefault() {
		String usage = HelpRunner.trainingUsage("x.jar");
		assertThat(usage).contains("--dataset=PATH_OR_URL", "--dataset-sha256=HEX", "--format=uci|csv",
				"--label=COLUMN", "--positive=VALUE[,VALUE]", "--test-size=FRACTION", "--seed=N", "--folds=K|loo",
				"--output-dir=DIR", "--tag=SUFFIX", "--negative=VALUE[,VALUE]", "--missing=FIELD:VALUE",
				"--missing=ca:4,thal:0", "--no-dump", "--dump", "--help", "--train", "--min-holdout-auc=AUC",
				"--force");
		assertThat(usage).containsPattern("--test-size=FRACTION +.*\\(default 0\\.2\\)")
			.containsPattern("--seed=N +.*\\(default 42\\)")
			.containsPattern("--dataset=PATH_OR_URL +.*\\(default datasets/processed\\.cleveland\\.data\\)")
			.containsPattern("--min-holdout-auc=AUC +.*\\(default 0\\.75\\)");
		// Every bindable option is in the usage, and nothing else.
		for (String name : CommandLineOptions.names(TrainingOptions.class, TrainingOptions.COMMANDS)) {
			assertThat(usage).contains("  --" + name);
		}
	}

}
