package org.heartdisease.aws;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.heartdisease.FuzzPayloads;
import org.heartdisease.model.Field;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.monitoring.AnswerMonitor;
import org.heartdisease.monitoring.FieldBins;
import org.heartdisease.monitoring.Recording;
import org.heartdisease.prediction.Payload;
import org.heartdisease.training.fit.TestData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The metric lines of real recordings over the committed model's bins: one valid EMF line per call,
 * exact counts, bins named as the drift function reads them back, and EMF's 100-metric limit.
 */
class EmbeddedMetricsTests {

	private static final HeartDiseaseModel MODEL = FuzzPayloads.committedModel();

	private static final FieldBins BINS = FieldBins.of(MODEL.artifact().trainingDistribution());

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final AnswerMonitor monitor = AnswerMonitor.of(BINS, MODEL.artifact().labels().positive(),
			List.of(new EmbeddedMetrics("HeartDisease", "heart-disease-predict", "7", this.out)));

	private EmfLines lines() {
		return EmfLines.in(this.out.toString(StandardCharsets.UTF_8));
	}

	@Test
	void shouldWriteOneLineOfARequestsOutcomeLatencyImputedFieldsAndBins() {
		Double[] values = new Double[Field.all().size()];
		values[Field.AGE.ordinal()] = 63.0; // age bin 8 (62 to 66), the twelve others missing
		Recording recording = this.monitor.start();
		recording.diagnosed(Payload.of(values), "heart-disease");
		this.monitor.finish(recording);
		EmfLines lines = lines();
		assertThat(lines.lines()).hasSize(1);
		JsonNode line = lines.lines().get(0);
		assertThat(line.get("Function").textValue()).isEqualTo("heart-disease-predict");
		assertThat(line.get("Version").textValue()).isEqualTo("7");
		JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
		assertThat(directive.get("Namespace").textValue()).isEqualTo("HeartDisease");
		assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"Function\",\"Version\"]]");
		Map<String, Double> expected = new HashMap<>(Map.of("Answers", 1.0, "Answers.heart-disease", 1.0,
				"ImputedFields", 12.0, "Bin.age.8", 1.0));
		for (Field field : Field.all()) {
			if (field != Field.AGE) {
				expected.put("Bin." + field.jsonName() + ".missing", 1.0);
			}
		}
		assertThat(lines.sums()).containsOnlyKeys(with(expected.keySet(), "Latency")).containsAllEntriesOf(expected);
		assertThat(line.get("Latency").doubleValue()).isGreaterThanOrEqualTo(0).isEqualTo(recording.nanos() / 1e6,
				within(0.001));
		assertThat(metric(directive, "Latency").get("Unit").textValue()).isEqualTo("Milliseconds");
		assertThat(metric(directive, "Answers").get("Unit").textValue()).isEqualTo("Count");
	}

	@Test
	void shouldCountRefusalsByOutcomeWithoutBins() {
		Recording recording = this.monitor.start();
		recording.rejected(400);
		recording.rejected(404);
		recording.rejected(503);
		recording.rejected(400);
		this.monitor.finish(recording);
		assertThat(lines().sums()).containsOnlyKeys("Answers", "Answers.invalid", "Answers.not-found", "Answers.error",
				"Latency")
			.containsEntry("Answers", 4.0)
			.containsEntry("Answers.invalid", 2.0)
			.containsEntry("Answers.not-found", 1.0)
			.containsEntry("Answers.error", 1.0);
	}

	@Test
	void shouldCountTheBinsOfAChunkOfAFileWithoutLatency() {
		List<double[]> rows = TestData.clevelandDataset().rows();
		Recording recording = this.monitor.startUntimed();
		long[] expected = new long[BINS.size()];
		for (double[] row : rows) {
			Double[] values = new Double[row.length];
			for (int i = 0; i < row.length; i++) {
				values[i] = Double.isNaN(row[i]) ? null : row[i];
				expected[BINS.slotOf(Field.all().get(i), values[i])]++;
			}
			recording.diagnosed(Payload.of(values), "clear");
		}
		this.monitor.finish(recording);
		EmfLines lines = lines();
		assertThat(lines.lines()).hasSize(1);
		Map<String, Double> sums = lines.sums();
		assertThat(sums).doesNotContainKey("Latency").containsEntry("Answers", (double) rows.size())
			.containsEntry("Answers.clear", (double) rows.size());
		for (int slot = 0; slot < BINS.size(); slot++) {
			String name = EmbeddedMetrics.binMetric(BINS, slot);
			if (expected[slot] == 0) {
				assertThat(sums).as("a zero is not written").doesNotContainKey(name);
			}
			else {
				assertThat(sums).containsEntry(name, (double) expected[slot]);
			}
		}
	}

	@Test
	void shouldSplitALineIntoDirectivesOfAtMostAHundredMetrics() {
		MetricLine line = new MetricLine("HeartDisease", "heart-disease-score", "3");
		for (int i = 0; i < 250; i++) {
			line.count("Bin.m." + i, i + 1);
		}
		line.writeTo(this.out, 1_765_000_000_000L);
		JsonNode written = lines().lines().get(0);
		JsonNode directives = written.get("_aws").get("CloudWatchMetrics");
		assertThat(directives).hasSize(3);
		assertThat(directives).extracting((directive) -> directive.get("Metrics").size()).containsExactly(100, 100, 50);
		assertThat(directives.get(2).get("Metrics").get(49).get("Name").textValue()).isEqualTo("Bin.m.249");
		assertThat(written.get("Bin.m.249").longValue()).isEqualTo(250);
		assertThat(written.get("_aws").get("Timestamp").longValue()).isEqualTo(1_765_000_000_000L);
	}

	private static Set<String> with(Set<String> names, String name) {
		Set<String> all = new HashSet<>(names);
		all.add(name);
		return all;
	}

	private static JsonNode metric(JsonNode directive, String name) {
		for (JsonNode metric : directive.get("Metrics")) {
			if (metric.get("Name").textValue().equals(name)) {
				return metric;
			}
		}
		throw new AssertionError("no metric " + name);
	}

}
