package org.heartdisease.training.command;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.DefaultApplicationArguments;

import org.heartdisease.training.fit.DatasetFormat;
import org.heartdisease.training.fit.TrainingException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TrainingOptions}.
 */
class TrainingOptionsTests {

	private static TrainingOptions parse(String... args) {
		return TrainingOptions.from(new DefaultApplicationArguments(args));
	}

	@Test
	void shouldDefaultToTheClevelandFileAndTheDemoSplit() {
		TrainingOptions options = parse("--train");
		assertThat(options.dataset()).isEqualTo("datasets/processed.cleveland.data");
		assertThat(options.format()).isNull();
		assertThat(options.testSize()).isEqualTo(0.2);
		assertThat(options.seed()).isEqualTo(42);
		assertThat(options.folds()).isEqualTo(5);
		assertThat(options.dump()).isTrue();
		assertThat(options.artifactPath()).isEqualTo(Path.of("model/heart-disease.json"));
	}

	@Test
	void shouldParseEveryOption() {
		TrainingOptions options = parse("--train", "--dataset=https://example.org/heart.csv", "--format=csv",
				"--label=target", "--positive=0, 2", "--test-size=0.25", "--seed=7", "--folds=10", "--output-dir=out",
				"--tag=-kaggle", "--no-dump", "--dataset-sha256=" + "ab".repeat(32), "--spring.main.banner-mode=off",
				"--min-auc=0.8", "--force");
		assertThat(options).isEqualTo(new TrainingOptions("https://example.org/heart.csv", "ab".repeat(32),
				DatasetFormat.CSV, "target", java.util.List.of("0", "2"), java.util.List.of(), java.util.Map.of(), 0.25, 7, 10, Path.of("out"), "-kaggle", false,
				0.8, true));
		assertThat(options.artifactPath()).isEqualTo(Path.of("out/heart-disease-kaggle.json"));
	}

	@Test
	void shouldParseMissingMarkersInFieldOrderAndNegativeLabels() {
		TrainingOptions options = parse("--train", "--missing=thal:0, ca:4,ca:4.0", "--negative=1");
		assertThat(options.missing()).containsExactly(java.util.Map.entry("ca", java.util.List.of("4")),
				java.util.Map.entry("thal", java.util.List.of("0")));
		assertThat(options.negative()).containsExactly("1");
		assertThat(parse("--train").missing()).isEmpty();
	}

	@Test
	void shouldRejectBadMissingMarkersAndOverlappingLabels() {
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> parse("--train", "--missing=vessels:4"))
			.withMessageStartingWith("--missing: 'vessels' is not a field; the fields are [age, sex,");
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> parse("--train", "--missing=ca:four"))
			.withMessageStartingWith("--missing: the value of ca must be a number, not 'four'");
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> parse("--train", "--missing=ca"))
			.withMessageStartingWith("--missing: 'ca' is not FIELD:VALUE; write --missing=FIELD:VALUE");
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> parse("--train", "--missing=ca:4,"))
			.withMessageStartingWith("--missing: '' is not FIELD:VALUE");
		assertThatExceptionOfType(TrainingException.class)
			.isThrownBy(() -> parse("--train", "--positive=0,1", "--negative=1.0"))
			.withMessage("--positive and --negative both hold [1]; a label value means one class");
	}

	@Test
	void shouldListTheValidOptionsWhenOneIsUnknown() {
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> parse("--train", "--epochs=3"))
			.withMessageStartingWith("unknown option(s) [--epochs]; valid options: [--train, --help, --dataset,")
			.withMessageContaining("--no-dump, --min-auc, --force]");
	}

	@Test
	void shouldRejectBadNumbers() {
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> parse("--train", "--seed=abc"))
			.withMessage("--seed must be a whole number, not 'abc'");
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> parse("--train", "--test-size=1.5"))
			.withMessage("--test-size must lie strictly between 0 and 1, not 1.5");
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> parse("--train", "--folds=1"))
			.withMessage("--folds must be at least 2 (or loo), not 1");
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> parse("--train", "--folds=0"))
			.withMessage("--folds must be at least 2 (or loo), not 0");
	}

	@Test
	void shouldRejectRepeatedContradictoryOrMalformedOptions() {
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> parse("--train", "--seed=1", "--seed=2"))
			.withMessage("--seed is given 2 times; give it once");
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> parse("--train", "--dump", "--no-dump"))
			.withMessageContaining("contradict");
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> parse("--train", "--format=json"))
			.withMessage("--format must be uci or csv, not 'json'");
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> parse("--train", "--tag=../x"))
			.withMessageStartingWith("--tag may hold only");
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> parse("--train", "--dataset-sha256=abc"))
			.withMessageStartingWith("--dataset-sha256 must be 64 hexadecimal digits");
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> parse("--train", "--dataset"))
			.withMessage("--dataset needs a value: --dataset=...");
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> parse("--train", "heart.csv"))
			.withMessageStartingWith("unexpected argument(s) [heart.csv]");
	}

	@Test
	void shouldDescribeEveryOptionInTheUsage() {
		assertThat(TrainingOptions.usage()).contains("--dataset=PATH_OR_URL", "--dataset-sha256=HEX", "--format=uci|csv",
				"--label=COLUMN", "--positive=VALUE[,VALUE]", "--test-size=FRACTION", "--seed=N", "--folds=K",
				"--output-dir=DIR", "--tag=SUFFIX", "--negative=VALUE[,VALUE]", "--missing=FIELD:VALUE", "--missing=ca:4,thal:0", "--no-dump", "--dump", "--help", "--train");
	}

}
