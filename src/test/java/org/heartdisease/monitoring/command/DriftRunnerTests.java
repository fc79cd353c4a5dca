package org.heartdisease.monitoring.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.heartdisease.FuzzPayloads;
import org.heartdisease.batch.command.ScoringCommand;
import org.heartdisease.model.TrainingDistribution;
import org.heartdisease.training.fit.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@code --drift}: its own context started in process on the committed model, as {@code main}
 * starts it, on the Cleveland file, the same patients twenty years older, and a metrics export.
 */
@ExtendWith(OutputCaptureExtension.class)
class DriftRunnerTests {

	private static final JsonMapper JSON = new JsonMapper();

	private static int drift(String... args) {
		SpringApplication application = new SpringApplication(ScoringCommand.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return SpringApplication.exit(application.run(args));
	}

	private static Path older(Path dir, int years) throws IOException {
		List<String> rows = Files.readAllLines(TestData.cleveland()).stream().filter((line) -> !line.isBlank())
			.map((line) -> {
				String[] cells = line.split(",", 2);
				return (Double.parseDouble(cells[0]) + years) + "," + cells[1];
			})
			.toList();
		return Files.write(dir.resolve("older" + years + ".data"), rows);
	}

	@Test
	void shouldFindNoDriftInTheTrainingPatientsAndSayItInATableAReportAndAChart(@TempDir Path dir, CapturedOutput output)
			throws IOException {
		Path cleveland = Files.copy(TestData.cleveland(), dir.resolve("cleveland.data"));
		assertThat(drift("--drift=" + cleveland)).isZero();
		assertThat(output.getOut()).contains("Drift of 303 payloads", "overall        0.0000  stable");
		JsonNode report = JSON.readTree(dir.resolve("drift.json").toFile());
		assertThat(report.get("answers").asLong()).isEqualTo(303);
		assertThat(report.get("band").asText()).isEqualTo("stable");
		assertThat(report.get("fields")).hasSize(13);
		// The report's counts are the training ones: the same 303 patients.
		JsonNode age = report.get("fields").get("age");
		assertThat(age.get("served")).isEqualTo(age.get("training"));
		String chart = Files.readString(dir.resolve("drift.svg"));
		assertThat(chart).startsWith("<?xml").contains("<svg").doesNotContain("<script");
		assertThat(chart.split("class=\"stable\"", -1)).hasSize(14);
	}

	@Test
	void shouldFindAMajorDriftInAgeWhenThePatientsAreTwentyYearsOlder(@TempDir Path dir, CapturedOutput output)
			throws IOException {
		Path older = older(dir, 20);
		Path report = dir.resolve("report.json");
		assertThat(drift("--drift=" + older, "--report=" + report, "--chart=none")).isZero();
		JsonNode json = JSON.readTree(report.toFile());
		assertThat(json.get("fields").get("age").get("band").asText()).isEqualTo("major");
		assertThat(json.get("fields").get("chol").get("band").asText()).isEqualTo("stable");
		assertThat(json.get("band").asText()).isEqualTo("major");
		// The index is the training distribution's own PSI of the counts the report shows.
		TrainingDistribution distribution = FuzzPayloads.committedModel().artifact().trainingDistribution();
		java.util.Map<String, Long> served = new java.util.LinkedHashMap<>();
		json.get("fields").get("age").get("served").fields()
			.forEachRemaining((bin) -> served.put(bin.getKey(), bin.getValue().asLong()));
		assertThat(json.get("overall").asDouble()).isCloseTo(
				TrainingDistribution.psi(distribution.fields().get("age").expected(), served), within(1e-12));
		assertThat(Files.exists(dir.resolve("drift.svg"))).isFalse();
		assertThat(output.getOut()).containsPattern("age\\s+\\d+\\.\\d{4}  major");
	}

	@Test
	void shouldSumTheCountersOfMetricsExportsAsThoseOfTheirPayloads(@TempDir Path dir, CapturedOutput output)
			throws IOException {
		Path older = older(dir, 20);
		Path fromFile = dir.resolve("file.json");
		assertThat(drift("--drift=" + older, "--report=" + fromFile, "--chart=none")).isZero();
		// An export of two instances that served half the patients each, written as Prometheus writes it.
		JsonNode age = JSON.readTree(fromFile.toFile()).get("fields");
		StringBuilder first = new StringBuilder("# HELP heart_field_values_total Served values\n"
				+ "# TYPE heart_field_values_total counter\n");
		StringBuilder second = new StringBuilder("# TYPE heart_field_values_total counter\n");
		age.fields().forEachRemaining((field) -> field.getValue().get("served").fields().forEachRemaining((bin) -> {
			long count = bin.getValue().asLong();
			first.append("heart_field_values_total{bin=\"").append(bin.getKey()).append("\",field=\"")
				.append(field.getKey()).append("\"} ").append(count / 2).append(".0\n");
			second.append("heart_field_values_total{bin=\"").append(bin.getKey()).append("\",field=\"")
				.append(field.getKey()).append("\"} ").append(count - count / 2).append(".0\n");
		}));
		Path one = Files.writeString(dir.resolve("one.prom"), first);
		Path two = Files.writeString(dir.resolve("two.prom"), second);
		Path fromExports = dir.resolve("exports.json");
		assertThat(drift("--drift=" + one + "," + two, "--report=" + fromExports, "--chart=none")).isZero();
		JsonNode a = JSON.readTree(fromFile.toFile());
		JsonNode b = JSON.readTree(fromExports.toFile());
		assertThat(b.get("fields")).isEqualTo(a.get("fields"));
		assertThat(b.get("overall")).isEqualTo(a.get("overall"));
	}

	@Test
	void shouldRefuseWhatItCannotRead(@TempDir Path dir, CapturedOutput output) throws IOException {
		assertThat(drift("--drift=" + dir.resolve("absent.csv"))).isEqualTo(1);
		assertThat(output.getErr()).contains("no such file");
		Path broken = Files.writeString(dir.resolve("broken.prom"), "heart_field_values_total{field=\"age\"} 3\n");
		assertThat(drift("--drift=" + broken, "--report=none", "--chart=none")).isEqualTo(1);
		assertThat(output.getErr()).contains("broken.prom line 1");
		assertThat(drift("--drift=" + broken, "--moderate=0.3", "--major=0.2")).isEqualTo(2);
		assertThat(output.getErr()).contains("--major");
	}

}
