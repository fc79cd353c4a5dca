package org.heartdisease.training.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import org.heartdisease.HeartDiseaseApplication;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.model.ModelArtifactJson;
import org.heartdisease.training.fit.SyntheticData;
import org.heartdisease.training.fit.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TrainingRunner} and {@link HelpRunner}: the real application, in train mode, in process.
 */
@ExtendWith(OutputCaptureExtension.class)
class TrainingRunnerTests {

	private static int runApplication(String... args) {
		SpringApplication application = new SpringApplication(HeartDiseaseApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return SpringApplication.exit(application.run(args));
	}

	@Test
	void shouldTrainPrintAndWriteTheArtifact(@TempDir Path dir, CapturedOutput output) throws Exception {
		Path data = TestData.cleveland();
		int status = runApplication("--train", "--dataset=" + data, "--output-dir=" + dir, "--tag=-test",
				"--spring.main.banner-mode=off");
		assertThat(status).isZero();
		Path written = dir.resolve("heart-disease-test.json");
		Path card = dir.resolve("heart-disease-test.md");
		assertThat(output.getOut()).containsPattern("Training accuracy: \\d+\\.\\d\\d%\\R"
				+ "Validation accuracy: \\d+\\.\\d\\d%\\R" + "ROC AUC score: 0\\.\\d\\d\\R")
			.containsPattern("  ROC AUC +0\\.\\d{4} +0\\.\\d{4} ± 0\\.\\d{4} +0\\.\\d{4}\\R")
			.containsPattern("5-fold CV \\(mean ± SD\\) +out-of-fold, pooled \\(303 rows\\)")
			.contains("Missing values: ca 4, thal 2")
			.contains("Model written to " + written)
			.contains("Model card written to " + card + " (plots: heart-disease-test-roc.svg, "
					+ "heart-disease-test-calibration.svg, heart-disease-test-distributions.svg)")
			.contains("Next:", "--heart.model.location=file:" + written, "./mvnw -Pgcp package", "./mvnw -Paws package");
		assertThat(output.getOut().indexOf("ROC AUC score")).isLessThan(output.getOut().indexOf("Data: "));
		assertThat(output.getErr()).doesNotContain("error:")
			.containsPattern("Cross-validation: 1/5 folds \\(\\d+\\.\\d s\\)")
			.containsPattern("Cross-validation: 5/5 folds");
		assertThat(card).content().startsWith("# Model card: heart-disease-test\n").contains("](heart-disease-test-roc.svg)");
		assertThat(dir.resolve("heart-disease-test-roc.svg")).content().startsWith("<?xml");
		assertThat(dir.resolve("heart-disease-test-calibration.svg")).content().startsWith("<?xml");
		assertThat(dir.resolve("heart-disease-test-distributions.svg")).content().startsWith("<?xml");
		assertThat(ModelArtifactJson.read(Files.newInputStream(written), written.toString()).artifact().tag())
			.isEqualTo("-test");
	}

	@Test
	void shouldTrainInTheCommandContextAsInTheApplication(@TempDir Path dir, CapturedOutput output) throws Exception {
		// HeartDiseaseApplication.main starts --train from TrainingCommand, the runners alone.
		Path data = TestData.cleveland();
		Path alone = dir.resolve("alone");
		SpringApplication application = new SpringApplication(TrainingCommand.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		ConfigurableApplicationContext context = application.run("--train", "--dataset=" + data,
				"--output-dir=" + alone, "--spring.main.banner-mode=off", "--spring.main.log-startup-info=false");
		assertThat(context.getBeansOfType(ApplicationRunner.class).values()).singleElement()
			.isInstanceOf(TrainingRunner.class);
		assertThat(context.getBeansOfType(HeartDiseaseModel.class)).isEmpty();
		assertThat(SpringApplication.exit(context)).isZero();
		Path full = dir.resolve("full");
		assertThat(runApplication("--train", "--dataset=" + data, "--output-dir=" + full, "--spring.main.banner-mode=off",
				"--spring.main.log-startup-info=false")).isZero();
		for (String file : new String[] { "heart-disease.md", "heart-disease-roc.svg", "heart-disease-calibration.svg",
				"heart-disease-distributions.svg" }) {
			assertThat(alone.resolve(file)).hasSameBinaryContentAs(full.resolve(file));
		}
		assertThat(withoutTime(alone.resolve("heart-disease.json"))).isEqualTo(withoutTime(full.resolve("heart-disease.json")));
		String[] reports = output.getOut().split("Training accuracy", -1);
		assertThat(reports).hasSize(3);
		assertThat(reports[1].replace(alone.toString(), "DIR")).isEqualTo(reports[2].replace(full.toString(), "DIR"));
	}

	private static List<String> withoutTime(Path artifact) throws Exception {
		return Files.readAllLines(artifact)
			.stream()
			.filter((line) -> !line.contains("\"trainedAt\"") && !line.contains("\"" + ModelArtifactJson.CHECKSUM + "\""))
			.toList();
	}

	@Test
	void shouldReadTheKaggleMissingCodesAsMissingWhenTold(CapturedOutput output) {
		Path kaggle = TestData.kaggle();
		int status = runApplication("--train", "--dataset=" + kaggle, "--label=target", "--positive=0",
				"--missing=ca:4,thal:0", "--no-dump", "--spring.main.banner-mode=off");
		assertThat(status).isZero();
		assertThat(output.getOut())
			.contains("Missing values: ca 5, thal 2 (besides ? and empty cells, read as missing: ca:4,thal:0)")
			.contains("Label values: target = 0: 138 rows, heart-disease; target = 1: 165 rows, clear "
					+ "(no --negative: every value not in --positive counts as clear)");
		assertThat(output.getErr()).doesNotContain("warning:").doesNotContain("error:");
	}

	@Test
	void shouldWarnThatTheKaggleFileCodesMissingValuesWithoutMissing(CapturedOutput output) {
		Path kaggle = TestData.kaggle();
		int status = runApplication("--train", "--dataset=" + kaggle, "--label=target", "--positive=0",
				"--negative=1", "--no-dump", "--spring.main.banner-mode=off");
		assertThat(status).isZero();
		assertThat(output.getErr().lines().filter((line) -> line.startsWith("warning: ")).toList())
			.containsExactly("warning: " + kaggle + " has the columns of the Kaggle heart.csv, which writes a missing "
					+ "ca as 4 and a missing thal as 0; give --missing=ca:4,thal:0 to read them as missing, as it is "
					+ "they are taken for real codes");
		assertThat(output.getOut()).contains("Missing values: none")
			.containsPattern("Label values: target = 0: 138 rows, heart-disease; target = 1: 165 rows, clear\\R");
	}

	@Test
	void shouldEvaluateWithoutWritingWhenToldNoDump(@TempDir Path dir, CapturedOutput output) throws Exception {
		int status = runApplication("--train", "--dataset=" + TestData.cleveland(), "--output-dir=" + dir, "--no-dump",
				"--spring.main.banner-mode=off");
		assertThat(status).isZero();
		assertThat(output.getOut()).contains("Validation accuracy:", "Model not written (--no-dump)").doesNotContain("Next:");
		try (var files = Files.list(dir)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void shouldExitNonZeroWithOneErrorLineAndNoStackTrace(@TempDir Path dir, CapturedOutput output) throws Exception {
		Path bad = Files.writeString(dir.resolve("bad.data"), "63.0,1.0,1..5,145.0,233.0,1.0,2.0,150.0,0.0,2.3,3.0,0.0,6.0,0\n");
		int status = runApplication("--train", "--dataset=" + bad, "--output-dir=" + dir, "--spring.main.banner-mode=off");
		assertThat(status).isEqualTo(1);
		assertThat(output.getErr().lines().filter((line) -> line.startsWith("error: ")).toList())
			.containsExactly("error: " + bad + ", line 1, column 3 (cp): '1..5' is not a number");
		assertThat(output.getAll()).doesNotContain("Application run failed").doesNotContain("\tat ");
		assertThat(dir.resolve("heart-disease.json")).doesNotExist();
	}

	@Test
	void shouldExitOneWithOneErrorLineForARelativeFileUrl(@TempDir Path dir, CapturedOutput output) {
		int status = runApplication("--train", "--dataset=file:datasets/x.csv", "--output-dir=" + dir,
				"--spring.main.banner-mode=off");
		assertThat(status).isEqualTo(1);
		assertThat(output.getErr().lines().filter((line) -> line.startsWith("error: ")).toList()).singleElement()
			.asString().startsWith("error: file:datasets/x.csv: not a usable file: URL (URI is not hierarchical)");
		assertThat(output.getAll()).doesNotContain("Application run failed").doesNotContain("\tat ");
	}

	@Test
	void shouldExitTwoForAnInvalidOutputDirectory(CapturedOutput output) {
		assertThat(runApplication("--train", "--output-dir=a\0b", "--spring.main.banner-mode=off")).isEqualTo(2);
		assertThat(output.getErr()).contains("error: --output-dir must be a valid directory path");
		assertThat(output.getAll()).doesNotContain("\tat ");
	}

	@Test
	void shouldTurnAnUnexpectedFailureIntoOneErrorLine(@TempDir Path dir) throws Exception {
		Path data = SyntheticData.uciFile(dir, 80, 3);
		Clock broken = new Clock() {
			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				throw new IllegalStateException("the clock broke");
			}
		};
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		TrainingRunner runner = new TrainingRunner(broken, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		runner.run(new DefaultApplicationArguments("--train", "--dataset=" + data, "--output-dir=" + dir));
		assertThat(runner.getExitCode()).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8).lines().filter((line) -> line.startsWith("error: ")).toList())
			.containsExactly("error: training failed: java.lang.IllegalStateException: the clock broke (run with "
					+ "--logging.level.org.heartdisease=debug for the stack trace)");
		assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ");
	}

	@Test
	void shouldKeepTheGoodArtifactWhenTheNewModelIsBelowTheFloor(@TempDir Path dir, CapturedOutput output)
			throws Exception {
		Path artifact = Files.writeString(dir.resolve("heart-disease.json"), "the good model\n");
		int status = runApplication("--train", "--dataset=" + TestData.cleveland(), "--output-dir=" + dir,
				"--min-holdout-auc=0.99", "--spring.main.banner-mode=off");
		assertThat(status).isEqualTo(1);
		assertThat(output.getOut()).contains("ROC AUC score: 0.90");
		assertThat(output.getErr()).contains("error: the validation ROC AUC 0.9004 is below the floor 0.99 (--min-holdout-auc); "
				+ "nothing was written, and " + artifact + " is unchanged. Give --force to write it anyway");
		assertThat(artifact).hasContent("the good model");
		assertThat(dir.resolve("heart-disease.md")).doesNotExist();
	}

	@Test
	void shouldLeaveTheArtifactAloneWhenItsModelCardCannotBeWritten(@TempDir Path dir, CapturedOutput output)
			throws Exception {
		Path data = SyntheticData.uciFile(dir, 80, 3);
		Path out = Files.createDirectory(dir.resolve("out"));
		Path artifact = Files.writeString(out.resolve("heart-disease.json"), "the published model\n");
		Path card = Files.writeString(out.resolve("heart-disease.md"), "its card\n");
		// A non-empty directory where the ROC plot goes: the card cannot be replaced.
		Files.writeString(Files.createDirectory(out.resolve("heart-disease-roc.svg")).resolve("x"), "x");
		int status = runApplication("--train", "--dataset=" + data, "--output-dir=" + out, "--min-holdout-auc=0",
				"--spring.main.banner-mode=off");
		assertThat(status).isEqualTo(1);
		assertThat(output.getErr()).contains("error: cannot write the model card " + out.resolve("heart-disease.md"));
		assertThat(artifact).hasContent("the published model");
		assertThat(card).hasContent("its card");
	}

	@Test
	void shouldWriteBelowTheFloorWhenForced(@TempDir Path dir) throws Exception {
		int status = runApplication("--train", "--dataset=" + TestData.cleveland(), "--output-dir=" + dir,
				"--min-holdout-auc=0.99", "--force", "--spring.main.banner-mode=off");
		assertThat(status).isZero();
		assertThat(dir.resolve("heart-disease.json")).isNotEmptyFile();
	}

	@Test
	void shouldExitWithTwoOnABadOption(CapturedOutput output) {
		int status = runApplication("--train", "--folds=many", "--spring.main.banner-mode=off");
		assertThat(status).isEqualTo(2);
		assertThat(output.getErr()).contains("error: --folds must be a whole number of at least 2, or loo; got many (see --help)");
		assertThat(output.getErr().lines().filter((line) -> line.startsWith("error: ")).count()).isEqualTo(1);
		assertThat(runApplication("--train", "--format=xml", "--spring.main.banner-mode=off")).isEqualTo(2);
		assertThat(output.getErr()).contains("error: --format must be one of uci, csv; got xml (see --help)");
		assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("APPLICATION FAILED TO START");
	}

	@Test
	void shouldPrintUsageForHelp(CapturedOutput output) {
		assertThat(runApplication("--help", "--spring.main.banner-mode=off")).isZero();
		assertThat(output.getOut()).contains("Usage:", "--positive=VALUE[,VALUE]", "--negative=VALUE[,VALUE]",
				"--missing=FIELD:VALUE[,...]", "--missing=ca:4,thal:0", "--min-holdout-auc=AUC", "(default 0.75)",
				"--min-cv-auc=AUC", "(default 0.85)");
		assertThat(output.getOut()).doesNotContain("--min-auc");
		assertThat(output.getOut()).doesNotContain("Training accuracy");
		// Run from the classes here, not a jar: the usage names the jar where the build puts it.
		assertThat(output.getOut()).contains("Usage: java -jar target/local/heart-disease-function-<version>.jar --train",
				"Usage: java -jar target/local/heart-disease-function-<version>.jar --gate")
			.doesNotContain("java -jar heart-disease-function.jar");
	}

	@Test
	void shouldExistOnlyWhenTrainingIsRequested() {
		ApplicationContextRunner contexts = new ApplicationContextRunner().withUserConfiguration(TrainingRunner.class,
				HelpRunner.class);
		contexts.run((context) -> assertThat(context).doesNotHaveBean(TrainingRunner.class)
			.doesNotHaveBean(HelpRunner.class));
		contexts.withPropertyValues("train=").run((context) -> assertThat(context).hasSingleBean(TrainingRunner.class)
			.doesNotHaveBean(HelpRunner.class));
		contexts.withPropertyValues("train=false").run((context) -> assertThat(context).doesNotHaveBean(TrainingRunner.class));
		contexts.withPropertyValues("help=").run((context) -> assertThat(context).hasSingleBean(HelpRunner.class));
	}

}
