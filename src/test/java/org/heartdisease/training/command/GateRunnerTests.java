package org.heartdisease.training.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.heartdisease.HeartDiseaseApplication;
import org.heartdisease.model.ModelArtifact;
import org.heartdisease.model.ModelArtifactJson;
import org.heartdisease.training.fit.QualityGateTests;
import org.heartdisease.training.fit.TestData;
import org.heartdisease.training.fit.TrainingPipeline;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GateRunner}: the real application started with {@code --gate}, in process, on
 * real artifacts.
 */
@ExtendWith(OutputCaptureExtension.class)
class GateRunnerTests {

	private static final String COMMITTED = "model/heart-disease.json";

	private static int runApplication(String... args) {
		SpringApplication application = new SpringApplication(HeartDiseaseApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return SpringApplication.exit(application.run(args));
	}

	private static String auc(ModelArtifact artifact) {
		return String.format(Locale.ROOT, "cross-validated ROC AUC %.4f",
				artifact.evaluation().crossValidation().rocAuc().mean());
	}

	@Test
	void shouldPassAndPrintBothAucsWhenTheCandidateMatchesThePublishedModel(CapturedOutput output) throws Exception {
		int status = runApplication("--gate", "--candidate=" + COMMITTED, "--published=" + COMMITTED, "--min-cv-auc=0.85",
				"--max-drop=0.02", "--spring.main.banner-mode=off");
		assertThat(status).isZero();
		String auc = auc(QualityGateTests.committed());
		assertThat(output.getOut()).contains("Candidate: " + COMMITTED, "Published: " + COMMITTED)
			.contains("Gate: floor 0.8500, allowed drop 0.0200: PASSED");
		assertThat(output.getOut().lines().filter((line) -> line.contains(auc))).hasSize(2);
		assertThat(output.getErr()).doesNotContain("error:");
	}

	@Test
	void shouldFailWithExitOneAndBothAucsWhenTheCandidateIsWorse(@TempDir Path dir, CapturedOutput output)
			throws Exception {
		ModelArtifact worse = QualityGateTests.trained(QualityGateTests.corrupted(dir), 42, 5);
		Path candidate = dir.resolve("heart-disease-worse.json");
		ModelArtifactJson.write(worse, candidate);
		int status = runApplication("--gate", "--candidate=" + candidate, "--published=" + COMMITTED,
				"--spring.main.banner-mode=off");
		assertThat(status).isEqualTo(1);
		assertThat(output.getOut()).contains("Candidate: " + candidate + " (trained", auc(worse))
			.contains("Published: " + COMMITTED + " (trained", auc(QualityGateTests.committed()))
			.contains("FAILED");
		assertThat(output.getErr()).contains("error: quality gate failed: the candidate's cross-validated ROC AUC");
		assertThat(output.getAll()).doesNotContain("\tat ");
	}

	/** @return a model trained on the Kaggle heart.csv, rightly labelled, written in {@code dir} */
	private static Path kaggleModel(Path dir, String name) throws Exception {
		Path kaggle = TestData.kaggle();
		ModelArtifact artifact = new TrainingPipeline(java.time.Clock.systemUTC())
			.run(TrainingOptions.parse("--train", "--dataset=" + kaggle, "--label=target", "--positive=0",
					"--missing=ca:4,thal:0", "--tag=-kaggle").settings())
			.model()
			.artifact();
		Path written = dir.resolve(name);
		ModelArtifactJson.write(artifact, written);
		return written;
	}

	@Test
	void shouldFailACandidateWithAnotherInputContractWhateverItsAuc(@TempDir Path dir, CapturedOutput output)
			throws Exception {
		Path kaggle = kaggleModel(dir, "heart-disease-kaggle.json");
		int status = runApplication("--gate", "--candidate=" + kaggle, "--published=" + COMMITTED, "--min-cv-auc=0.5",
				"--max-drop=1", "--spring.main.banner-mode=off");
		assertThat(status).isEqualTo(1);
		assertThat(output.getOut()).contains("Gate: FAILED (the candidate's input contract differs from the published "
				+ "model's: ").doesNotContain("PASSED");
		assertThat(output.getErr()).contains("error: quality gate failed: the candidate's input contract differs")
			.contains("categories of cp [0, 1, 2, 3] (published: [1, 2, 3, 4])")
			.contains("dataset format csv (published: uci)")
			.contains("label column target (published: num)")
			.contains("positive label values [0] (published: [1, 2, 3, 4])");
		assertThat(output.getAll()).doesNotContain("\tat ");
	}

	@Test
	void shouldPassACandidateWithTheSameInputContract(@TempDir Path dir, CapturedOutput output) throws Exception {
		Path published = kaggleModel(dir, "published.json");
		Path candidate = kaggleModel(dir, "candidate.json");
		assertThat(runApplication("--gate", "--candidate=" + candidate, "--published=" + published, "--min-cv-auc=0.85",
				"--spring.main.banner-mode=off")).isZero();
		assertThat(output.getOut()).contains("PASSED");
	}

	@Test
	void shouldAcceptNoneAsThePublishedModelOnTheFirstRun(CapturedOutput output) {
		assertThat(runApplication("--gate", "--candidate=" + COMMITTED, "--published=none", "--spring.main.banner-mode=off"))
			.isZero();
		assertThat(output.getOut()).contains("Published: none", "PASSED");
	}

	@Test
	void shouldExitTwoForABadOptionAndOneForAMissingArtifact(@TempDir Path dir, CapturedOutput output) {
		assertThat(runApplication("--gate", "--candidate=" + COMMITTED, "--spring.main.banner-mode=off")).isEqualTo(2);
		assertThat(output.getErr()).contains("error: --published is required: --published=PATH or --published=none (see --help)");
		assertThat(runApplication("--gate", "--candidate=" + COMMITTED, "--published=none", "--max-drop=lots",
				"--spring.main.banner-mode=off")).isEqualTo(2);
		assertThat(output.getErr()).contains("error: --max-drop must be a number; got lots (see --help)");
		assertThat(runApplication("--gate", "--candidate=" + COMMITTED, "--published=none", "--min-auc=0.9",
				"--spring.main.banner-mode=off")).isEqualTo(2);
		assertThat(output.getErr()).contains("error: unknown option(s) [--min-auc]; valid options: [--gate, --help, "
				+ "--candidate, --published, --min-cv-auc, --max-drop] (see --help)");
		assertThat(runApplication("--gate", "--candidate=" + COMMITTED, "--published=none", "--min-cv-auc=1.5",
				"--spring.main.banner-mode=off")).isEqualTo(2);
		assertThat(output.getErr()).contains("error: --min-cv-auc must lie between 0 and 1; got 1.5 (see --help)");
		Path missing = dir.resolve("absent.json");
		assertThat(Files.exists(missing)).isFalse();
		assertThat(runApplication("--gate", "--candidate=" + missing, "--published=none", "--spring.main.banner-mode=off"))
			.isEqualTo(1);
		assertThat(output.getErr()).contains("error: cannot read the model artifact " + missing + ": no such file");
	}

	@Test
	void shouldExitTwoForAnInvalidPublishedPath(CapturedOutput output) {
		assertThat(runApplication("--gate", "--candidate=" + COMMITTED, "--published=a\0b",
				"--spring.main.banner-mode=off")).isEqualTo(2);
		assertThat(output.getErr()).contains("error: --published must be a valid path; got a");
		assertThat(output.getAll()).doesNotContain("Application run failed").doesNotContain("\tat ");
	}

	@Test
	void shouldTurnAnUnexpectedFailureIntoOneErrorLine() {
		PrintStream broken = new PrintStream(new ByteArrayOutputStream()) {
			@Override
			public void println(String line) {
				throw new IllegalStateException("stdout broke");
			}
		};
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		GateRunner runner = new GateRunner(broken, new PrintStream(err, true, StandardCharsets.UTF_8));
		runner.run(new DefaultApplicationArguments("--gate", "--candidate=" + COMMITTED, "--published=none"));
		assertThat(runner.getExitCode()).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: the quality gate could not run: "
				+ "java.lang.IllegalStateException: stdout broke (run with --logging.level.org.heartdisease=debug for "
				+ "the stack trace)" + System.lineSeparator());
	}

	@Test
	void shouldListTheGateInTheHelp(CapturedOutput output) {
		assertThat(runApplication("--help", "--spring.main.banner-mode=off")).isZero();
		assertThat(output.getOut()).contains("--gate", "--candidate=PATH", "--published=PATH|none", "--max-drop=AUC",
				"--min-cv-auc=AUC", "(default 0.85)", "(default 0.02)");
	}

}
