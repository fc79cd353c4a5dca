package org.heartdisease.aws;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.FuzzPayloads;
import org.heartdisease.ReferenceExchange;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.aws.LambdaEvents.Kind;
import org.heartdisease.model.Field;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.monitoring.FieldBins;
import org.heartdisease.monitoring.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The predict function's metrics as the built package writes them under the runtime interface client:
 * a known sequence of calls (diagnoses, one with imputed fields, refused payloads, a path with no route)
 * gives one line per call on standard output, each valid embedded metric format with the function's
 * name and version as Lambda sets them, whose sums are exactly the sequence's outcomes and training
 * bins (reckoned here with the reference exchange and the committed model's bins); and no value of any
 * payload appears anywhere in the log.
 */
class EmbeddedMetricsIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HeartDiseaseModel MODEL = FuzzPayloads.committedModel();

	// Values found nowhere else in the function's log, to look for.
	private static final List<String> PAYLOADS = List.of(
			"{\"age\":58,\"sex\":0,\"cp\":3,\"trestbps\":137,\"chol\":417,\"fbs\":0,\"restecg\":1,\"thalach\":187,"
					+ "\"exang\":1,\"oldpeak\":1.6,\"slope\":2,\"ca\":1,\"thal\":7}",
			// ca and thal missing: the two fields a payload may leave out, imputed.
			"{\"age\":71,\"sex\":1,\"cp\":4,\"trestbps\":137,\"chol\":417,\"fbs\":0,\"restecg\":2,\"thalach\":187,"
					+ "\"exang\":1,\"oldpeak\":2.9,\"slope\":2}",
			"{\"age\":44,\"sex\":1,\"cp\":2,\"trestbps\":137,\"chol\":417,\"fbs\":1,\"restecg\":0,\"thalach\":187,"
					+ "\"exang\":0,\"oldpeak\":0,\"slope\":1,\"ca\":0,\"thal\":3}",
			"{\"age\":\"417\",\"sex\":1,\"cp\":0,\"bmi\":31}", "{\"age\":63,\"chol\":417,\"trestbps\":\"137\"}");

	private static final List<String> SECRETS = List.of("417", "137", "187");

	@Test
	void shouldWriteOneValidLinePerCallWhoseSumsAreTheCallsOutcomesAndBins() throws Exception {
		FieldBins bins = FieldBins.of(MODEL.artifact().trainingDistribution());
		Map<String, Double> expected = new HashMap<>();
		String log;
		try (LambdaProcess lambda = LambdaProcess.start(Map.of())) {
			int calls = 0;
			for (String payload : PAYLOADS) {
				byte[] body = payload.getBytes(StandardCharsets.UTF_8);
				// Alternately invoked directly and through a Function URL: the same exchange answers both.
				byte[] event = (calls % 2 == 0) ? body : LambdaEvents.http(Kind.FUNCTION_URL, PredictionExchange.JSON, body, false);
				lambda.invoke(event, TIMEOUT);
				calls++;
				expect(expected, payload, bins);
			}
			lambda.invoke(LambdaEvents.http(Kind.FUNCTION_URL, "GET", "/nowhere", null, new byte[0], false), TIMEOUT);
			calls++;
			expected.merge("Answers", 1.0, Double::sum);
			expected.merge("Answers." + Outcome.NOT_FOUND.label(), 1.0, Double::sum);
			log = lambda.log();
			EmfLines lines = EmfLines.in(log);
			assertThat(lines.lines()).hasSize(calls);
			for (JsonNode line : lines.lines()) {
				assertThat(line.get("Function").textValue()).isEqualTo("heart-disease");
				assertThat(line.get("Version").textValue()).isEqualTo("1");
				assertThat(line.get("Answers").intValue()).isEqualTo(1);
				assertThat(line.get("Latency").doubleValue()).isPositive();
				assertThat(line.get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions").toString())
					.isEqualTo("[[\"Function\",\"Version\"]]");
			}
			Map<String, Double> sums = lines.sums();
			assertThat(sums.remove("Latency")).isPositive();
			assertThat(sums).isEqualTo(expected);
			assertThat(expected).containsKeys("Answers.invalid", "ImputedFields", "Answers.not-found")
				.containsKey("Bin.chol." + bins.bin(bins.slotOf(Field.CHOL, 417.0)));
			int[] sizes = log.lines().filter((line) -> line.contains("\"_aws\"")).mapToInt(String::length).sorted().toArray();
			System.out.printf("EMF line per call: %d to %d bytes (%d calls)%n", sizes[0], sizes[sizes.length - 1], sizes.length);
		}
		for (String secret : SECRETS) {
			// A number alone, not a digit run of a timestamp or a decimal's fraction.
			assertThat(Pattern.compile("(?<![\\d.])" + secret + "(?![\\d])").matcher(log).find())
				.as("%s in the log:%n%s", secret, log)
				.isFalse();
		}
		assertThat(log).doesNotContain("\"chol\"").doesNotContain("\"trestbps\"");
	}

	// What the reference exchange answers the payload, as the metrics count it.
	private static void expect(Map<String, Double> expected, String payload, FieldBins bins) throws Exception {
		PredictionExchange.Answer answer = ReferenceExchange.get()
			.answer(PredictionExchange.Call.payload(payload.getBytes(StandardCharsets.UTF_8)));
		expected.merge("Answers", 1.0, Double::sum);
		if (answer.status() != 200) {
			expected.merge("Answers." + Outcome.ofStatus(answer.status()).label(), 1.0, Double::sum);
			return;
		}
		JsonNode diagnosis = JSON.readTree(answer.body());
		boolean positive = MODEL.artifact().labels().positive().equals(diagnosis.get("diagnosis").textValue());
		expected.merge("Answers." + Outcome.ofDiagnosis(positive).label(), 1.0, Double::sum);
		JsonNode values = JSON.readTree(payload);
		int missing = 0;
		for (Field field : Field.all()) {
			Double value = values.has(field.jsonName()) ? values.get(field.jsonName()).doubleValue() : null;
			missing += (value == null) ? 1 : 0;
			expected.merge(EmbeddedMetrics.binMetric(bins, bins.slotOf(field, value)), 1.0, Double::sum);
		}
		if (missing > 0) {
			expected.merge("ImputedFields", (double) missing, Double::sum);
		}
	}

}
