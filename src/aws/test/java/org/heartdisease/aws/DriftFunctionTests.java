package org.heartdisease.aws;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.FuzzPayloads;
import org.heartdisease.model.Field;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.monitoring.AnswerMonitor;
import org.heartdisease.monitoring.Drift;
import org.heartdisease.monitoring.FieldBins;
import org.heartdisease.monitoring.Recording;
import org.heartdisease.monitoring.ServedCounts;
import org.heartdisease.prediction.Payload;
import org.heartdisease.training.fit.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/**
 * The drift function on the Cleveland patients the committed model was trained on, served one request
 * at a time through a real monitor into EMF lines. CloudWatch cannot run here: what stands in for it
 * sums those lines' {@code Bin.*} values by name (what CloudWatch Logs extracts and GetMetricData's
 * {@code Sum} gives back), for the predict version asked for only. The index must be the monitor's own.
 */
class DriftFunctionTests {

	private static final HeartDiseaseModel MODEL = FuzzPayloads.committedModel();

	private static final FieldBins BINS = FieldBins.of(MODEL.artifact().trainingDistribution());

	private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:function:heart-disease-predict:7";

	private static final Instant NOW = Instant.parse("2026-12-07T10:00:42Z");

	private final ByteArrayOutputStream predictLog = new ByteArrayOutputStream();

	private final ByteArrayOutputStream driftLog = new ByteArrayOutputStream();

	private final ServedCounts served = new ServedCounts(BINS);

	private final List<MetricQuery> queries = new ArrayList<>();

	private record MetricQuery(String namespace, Map<String, String> dimensions, Instant start, Instant end) {
	}

	private void serve(double addedYears, String version) {
		AnswerMonitor monitor = AnswerMonitor.of(BINS, MODEL.artifact().labels().positive(),
				List.of(this.served, new EmbeddedMetrics("HeartDisease", "heart-disease-predict", version, this.predictLog)));
		for (double[] row : TestData.clevelandDataset().rows()) {
			Double[] values = new Double[row.length];
			for (int i = 0; i < row.length; i++) {
				values[i] = Double.isNaN(row[i]) ? null : row[i];
			}
			values[Field.AGE.ordinal()] += addedYears;
			Recording recording = monitor.start();
			recording.diagnosed(Payload.of(values), "clear");
			monitor.finish(recording);
		}
	}

	// Stands in for CloudWatch: the predict function's EMF lines of the version asked for, summed by name.
	private final MetricSums cloudWatch = (namespace, dimensions, names, start, end) -> {
		this.queries.add(new MetricQuery(namespace, dimensions, start, end));
		EmfLines lines = EmfLines.in(this.predictLog.toString(StandardCharsets.UTF_8));
		Map<String, Double> sums = EmfLines.in(String.join("\n", lines.lines()
			.stream()
			.filter((line) -> line.get("Function").textValue().equals(dimensions.get("Function"))
					&& line.get("Version").textValue().equals(dimensions.get("Version")))
			.map(JsonNode::toString)
			.toList())).sums();
		return names.stream().mapToLong((name) -> Math.round(sums.getOrDefault(name, 0.0))).toArray();
	};

	private DriftFunction function(long minAnswers) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("cloudWatchMetricSums", this.cloudWatch));
		return new DriftFunction(beans.getBeanProvider(MetricSums.class), BINS,
				new DriftFunction.Settings("HeartDisease", ARN, Duration.ofHours(24), minAnswers), new ObjectMapper(),
				this.driftLog, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private JsonNode run(DriftFunction function) throws Exception {
		return new ObjectMapper().readTree(function.apply(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))));
	}

	private Drift monitorsOwn() {
		return BINS.drift(BINS.byField(this.served.snapshot().slots()));
	}

	@Test
	void shouldWriteNoMajorDriftWhenTheTrainingPatientsAreServedAgain() throws Exception {
		serve(0, "7");
		JsonNode found = run(function(100));
		assertThat(found.get("function").textValue()).isEqualTo("heart-disease-predict");
		assertThat(found.get("version").textValue()).isEqualTo("7");
		assertThat(found.get("answers").longValue()).isEqualTo(TestData.clevelandDataset().rows().size());
		assertThat(found.get("drift").doubleValue()).isCloseTo(0, within(1e-9));
		JsonNode line = onlyLine();
		assertThat(line.get("Drift").doubleValue()).isEqualTo(monitorsOwn().overall());
		assertThat(Drift.Thresholds.USUAL.band(line.get("Drift").doubleValue())).isEqualTo(Drift.Band.STABLE);
		// The window asked for: the last 24 hours up to the minute, on the predict version's dimensions.
		assertThat(this.queries).containsExactly(new MetricQuery("HeartDisease",
				Map.of("Function", "heart-disease-predict", "Version", "7"), Instant.parse("2026-12-06T10:00:00Z"),
				Instant.parse("2026-12-07T10:00:00Z")));
		assertThat(line.get("_aws").get("Timestamp").longValue()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z").toEpochMilli());
	}

	@Test
	void shouldWriteAMajorDriftInAgeWhenEveryPatientIsTwentyYearsOlder() throws Exception {
		serve(20, "7");
		Drift expected = monitorsOwn();
		serve(0, "6"); // another version's answers, which must not dilute these
		JsonNode found = run(function(100));
		JsonNode line = onlyLine();
		assertThat(line.get("Drift.age").doubleValue()).isEqualTo(expected.fields().get("age"));
		assertThat(line.get("Drift").doubleValue()).isEqualTo(line.get("Drift.age").doubleValue())
			.isGreaterThanOrEqualTo(Drift.Thresholds.USUAL.major());
		assertThat(line.get("Drift.chol").doubleValue()).isCloseTo(0, within(1e-9));
		assertThat(found.get("fields").get("age").doubleValue()).isEqualTo(line.get("Drift.age").doubleValue());
		for (Field field : Field.all()) {
			assertThat(line.has("Drift." + field.jsonName())).as(field.jsonName()).isTrue();
		}
		assertThat(line.get("_aws").get("CloudWatchMetrics").get(0).get("Metrics")).hasSize(1 + Field.all().size());
	}

	@Test
	void shouldWriteNoIndexOfFewerAnswersThanTheMinimum() throws Exception {
		serve(20, "7");
		JsonNode found = run(function(TestData.clevelandDataset().rows().size() + 1));
		assertThat(found.get("answers").longValue()).isEqualTo(TestData.clevelandDataset().rows().size());
		assertThat(found.get("drift").isNull()).isTrue();
		assertThat(this.driftLog.size()).isZero();
	}

	@Test
	void shouldRefuseAPredictVersionThatIsNoVersionArn() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("cloudWatchMetricSums", this.cloudWatch));
		DriftFunction function = new DriftFunction(beans.getBeanProvider(MetricSums.class), BINS,
				new DriftFunction.Settings("HeartDisease", "heart-disease-predict", Duration.ofHours(24), 100),
				new ObjectMapper(), this.driftLog, Clock.systemUTC());
		assertThatIllegalStateException().isThrownBy(function::judge).withMessageContaining("HEART_AWS_DRIFT_PREDICT_VERSION");
		assertThat(this.queries).isEmpty();
	}

	private JsonNode onlyLine() {
		List<JsonNode> lines = EmfLines.in(this.driftLog.toString(StandardCharsets.UTF_8)).lines();
		assertThat(lines).hasSize(1);
		return lines.get(0);
	}

}
