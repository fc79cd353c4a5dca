package org.heartdisease.batch.command;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import org.heartdisease.HeartDiseaseApplication;
import org.heartdisease.batch.BatchFiles;
import org.heartdisease.batch.BatchScorer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code --score}: the command's own context ({@link ScoringCommand}) started in process on
 * the committed model, as {@code main} starts it, on real files; and the runner over standard input
 * and output.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScoringRunnerTests {

	private static final JsonMapper JSON = new JsonMapper();

	private static final BatchScorer SCORER = BatchFiles.scorer(1 << 30);

	private static int score(String... args) {
		SpringApplication application = new SpringApplication(ScoringCommand.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return SpringApplication.exit(application.run(args));
	}

	private static Path write(Path dir, String name, String content) throws IOException {
		return Files.writeString(dir.resolve(name), content);
	}

	private static List<Path> files(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.sorted().toList();
		}
	}

	@Test
	void shouldScoreAFileBesideItWithItsManifest(@TempDir Path dir, CapturedOutput output) throws Exception {
		Path input = write(dir, "patients.csv", BatchFiles.CSV);
		assertThat(score("--score=" + input, "--spring.main.banner-mode=off")).isZero();
		Path scored = dir.resolve("patients.scored.csv");
		Path manifest = dir.resolve("patients.scored.csv.manifest.json");
		// The same scorer as every other caller: byte for byte what it writes for the file.
		assertThat(Files.readString(scored)).isEqualTo(BatchFiles.score(SCORER, "patients.csv", BatchFiles.CSV));
		JsonNode written = JSON.readTree(manifest.toFile());
		assertThat(written.get("input").asText()).isEqualTo(input.toString());
		assertThat(written.get("output").asText()).isEqualTo(scored.toString());
		assertThat(written.get("rowsRead").asLong()).isEqualTo(3);
		assertThat(written.get("rowsScored").asLong()).isEqualTo(3);
		assertThat(written.get("inputSha256").asText()).hasSize(64);
		assertThat(written.get("model").get("contentSha256").asText()).isEqualTo(SCORER.model().contentSha256());
		assertThat(files(dir)).containsExactly(input, scored, manifest);
		assertThat(output.getOut()).contains("Scored " + input + " (csv): 3 rows read, 3 scored, none rejected, into "
				+ scored, "; manifest " + manifest);
		assertThat(output.getErr()).doesNotContain("error:");
	}

	@Test
	void shouldMarkBadRowsInPlaceAndStillExitZero(@TempDir Path dir, CapturedOutput output) throws Exception {
		Path input = write(dir, "bad.csv", BatchFiles.BAD_ROWS_CSV);
		Path scored = dir.resolve("out.csv");
		assertThat(score("--score=" + input, "--output=" + scored, "--manifest=" + dir.resolve("run.json"))).isZero();
		List<String> rows = Files.readAllLines(scored);
		assertThat(rows).hasSize(5);
		// Scored: a diagnosis and a probability, nothing imputed, no error.
		assertThat(rows.get(1)).startsWith("ok-1,").contains(",clear,0.").endsWith(",,");
		assertThat(rows.get(2)).startsWith("bad-2,").contains(",,,", "age", "sex", "slope");
		assertThat(rows.get(3)).startsWith("short-3,");
		assertThat(rows.get(4)).startsWith("ok-4,");
		JsonNode manifest = JSON.readTree(dir.resolve("run.json").toFile());
		assertThat(manifest.get("rowsRejected").asLong()).isEqualTo(2);
		assertThat(JSON.convertValue(manifest.get("rejectedBy"), Map.class)).containsEntry("age", 1)
			.containsEntry("sex", 1)
			.containsEntry("slope", 1)
			.containsEntry("row", 1);
		assertThat(output.getOut()).contains("4 rows read, 2 scored, 2 rejected (age 1, row 1, sex 1, slope 1)");
	}

	@Test
	void shouldRefuseAFileThatIsNotCsvWithExitOneAndLeaveNoOutput(@TempDir Path dir, CapturedOutput output)
			throws Exception {
		Path input = Files.write(dir.resolve("image.csv"), BatchFiles.NOT_CSV);
		assertThat(score("--score=" + input)).isEqualTo(1);
		assertThat(output.getErr()).contains("error: " + input).contains("line 1");
		assertThat(output.getAll()).doesNotContain("\tat ");
		assertThat(files(dir)).containsExactly(input);
	}

	@Test
	void shouldKeepThePreviousOutputWhenARunFails(@TempDir Path dir) throws Exception {
		Path input = write(dir, "patients.csv", BatchFiles.CSV);
		assertThat(score("--score=" + input)).isZero();
		Path scored = dir.resolve("patients.scored.csv");
		String before = Files.readString(scored);
		Files.write(input, BatchFiles.NOT_CSV);
		assertThat(score("--score=" + input)).isEqualTo(1);
		assertThat(Files.readString(scored)).isEqualTo(before);
		assertThat(files(dir)).hasSize(3).noneMatch((file) -> file.getFileName().toString().endsWith(".part"));
	}

	@Test
	void shouldGiveTheSameBytesWhenRunAgain(@TempDir Path dir) throws Exception {
		Path input = write(dir, "patients.jsonl", BatchFiles.JSONL);
		assertThat(score("--score=" + input, "--quiet")).isZero();
		byte[] first = Files.readAllBytes(dir.resolve("patients.scored.jsonl"));
		assertThat(score("--score=" + input, "--quiet")).isZero();
		assertThat(Files.readAllBytes(dir.resolve("patients.scored.jsonl"))).isEqualTo(first);
	}

	@Test
	void shouldScoreTheUciLayoutByItsExtension(@TempDir Path dir) throws Exception {
		Path input = write(dir, "processed.cleveland.data", BatchFiles.UCI);
		assertThat(score("--score=" + input, "--quiet")).isZero();
		List<String> rows = Files.readAllLines(dir.resolve("processed.cleveland.scored.data"));
		assertThat(rows).hasSize(3);
		// Label direction: Cleveland's first row (num 0) is clear, its second (num 2) has heart disease.
		assertThat(rows.get(0)).startsWith(BatchFiles.UCI.lines().findFirst().orElseThrow() + ",clear,");
		assertThat(rows.get(1)).contains(",2,heart-disease,");
	}

	@Test
	void shouldReadStandardInputAndWriteStandardOutput() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		ScoringRunner runner = new ScoringRunner(new StaticListableBeanFactory(Map.of("batchScorer", SCORER))
			.getBeanProvider(BatchScorer.class), new ByteArrayInputStream(BatchFiles.CSV.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		runner.run(new DefaultApplicationArguments("--score=-"));
		assertThat(runner.getExitCode()).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8))
			.isEqualTo(BatchFiles.score(SCORER, "stdin", BatchFiles.CSV));
		// The words go to stderr, so stdout holds only the scored file.
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Scored stdin (csv): 3 rows read")
			.contains("into stdout")
			.doesNotContain("manifest");
	}

	@Test
	void shouldStreamALargeFileFromStandardInput() throws Exception {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		BatchFiles.LineCounter out = new BatchFiles.LineCounter();
		try (InputStream rows = BatchFiles.generatedCsv(100_000)) {
			ScoringRunner runner = new ScoringRunner(new StaticListableBeanFactory(Map.of("batchScorer", SCORER))
				.getBeanProvider(BatchScorer.class), rows, new PrintStream(out, false, StandardCharsets.UTF_8),
					new PrintStream(err, true, StandardCharsets.UTF_8));
			runner.run(new DefaultApplicationArguments("--score=-", "--format=csv"));
			assertThat(runner.getExitCode()).isZero();
		}
		assertThat(out.lines()).isEqualTo(100_001);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("100000 rows read, 100000 scored, none rejected");
	}

	@Test
	void shouldSayRowsPerSecondAndTheShareReadWhenTheSizeIsKnown() {
		assertThat(ScoringRunner.ConsoleProgress.line(500_000, 25, 2_000_000_000L, 100))
			.isEqualTo("scoring: 500,000 rows, 250,000 rows/s, 25%");
		assertThat(ScoringRunner.ConsoleProgress.line(500_000, 25, 2_000_000_000L, -1))
			.isEqualTo("scoring: 500,000 rows, 250,000 rows/s");
	}

	@Test
	void shouldExitOneForAMissingInput(@TempDir Path dir, CapturedOutput output) {
		assertThat(score("--score=" + dir.resolve("absent.csv"))).isEqualTo(1);
		assertThat(output.getErr()).contains("error: cannot read or write " + dir.resolve("absent.csv"));
	}

	@Test
	void shouldExitTwoForBadOptions(@TempDir Path dir, CapturedOutput output) throws Exception {
		Path input = write(dir, "patients.csv", BatchFiles.CSV);
		assertThat(score("--score")).isEqualTo(2);
		assertThat(output.getErr()).contains("error: --score needs the file to score");
		assertThat(score("--score=" + input, "--output=" + input)).isEqualTo(2);
		assertThat(output.getErr()).contains("error: --output must not be the input file");
		assertThat(score("--score=" + input, "--outptu=x.csv")).isEqualTo(2);
		assertThat(output.getErr()).contains("error: unknown option(s) [--outptu]");
		assertThat(score("--score=" + input, "--format=xlsx")).isEqualTo(2);
		assertThat(output.getErr()).contains("error: --format must be one of csv, uci, jsonl");
		assertThat(files(dir)).containsExactly(input);
	}

	@Test
	void shouldScoreTheSameWayInTheWholeApplication(@TempDir Path dir) throws Exception {
		Path input = write(dir, "patients.csv", BatchFiles.CSV);
		SpringApplication application = new SpringApplication(HeartDiseaseApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThat(SpringApplication.exit(application.run("--score=" + input, "--quiet"))).isZero();
		assertThat(Files.readString(dir.resolve("patients.scored.csv")))
			.isEqualTo(BatchFiles.score(SCORER, "patients.csv", BatchFiles.CSV));
	}

	@Test
	void shouldStartOnlyTheScorerAndItsRunners(@TempDir Path dir) throws Exception {
		Path input = write(dir, "patients.csv", BatchFiles.CSV);
		SpringApplication application = new SpringApplication(ScoringCommand.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--score=" + input, "--quiet")) {
			assertThat(context.getBeansOfType(ApplicationRunner.class).values()).singleElement()
				.isInstanceOf(ScoringRunner.class);
			assertThat(context.getBeanNamesForType(org.springframework.cloud.function.context.FunctionCatalog.class))
				.isEmpty();
		}
	}

	@Test
	void shouldListItsOptionsInHelp(CapturedOutput output) {
		assertThat(score("--score=x.csv", "--help")).isZero();
		assertThat(output.getOut()).contains("--score=PATH|-", "--output=PATH|-", "--format=csv|uci|jsonl",
				"--manifest=PATH|none", "--max-bytes=BYTES", "--quiet", "--train");
	}

}
