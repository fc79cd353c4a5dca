package org.heartdisease.gcp;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.heartdisease.FuzzPayloads;
import org.heartdisease.SurfaceCases;
import org.heartdisease.model.Field;
import org.heartdisease.monitoring.FieldBins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entries {@link CloudLoggingEntries} writes, read from the standard output of the deploy directory
 * run under Google's invoker ({@link InvokerProcess}) with the variables Cloud Run sets, after a known
 * sequence of calls: each one a structured entry Cloud Logging parses, exactly one per answer, with the
 * outcomes and bins the calls had, and no value of any payload anywhere in the log.
 */
class CloudLoggingIT {

	private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final JsonMapper JSON = new JsonMapper();

	/** Cloud Logging's LogSeverity names. */
	private static final Set<String> SEVERITIES = Set.of("DEFAULT", "DEBUG", "INFO", "NOTICE", "WARNING", "ERROR",
			"CRITICAL", "ALERT", "EMERGENCY");

	// Values found in no bin name, count or label: chol 417, trestbps 137, oldpeak 3.17, age 213.
	private static final String DISTINCTIVE = "{\"age\": 58, \"sex\": 1, \"cp\": 4, \"trestbps\": 137, \"chol\": 417,"
			+ " \"fbs\": 0, \"restecg\": 2, \"thalach\": 111, \"exang\": 1, \"oldpeak\": 3.17, \"slope\": 2, \"ca\": 2, \"thal\": 7}";

	private static final String INVALID = DISTINCTIVE.replace("\"age\": 58", "\"age\": 213");

	private static final Pattern PAYLOAD_VALUE = Pattern.compile("(?<![\\d.:])(417|137|213)(?!\\d)|3\\.17");

	private static InvokerProcess invoker;

	/** Each answer's outcome and, for a diagnosis, its bins, as the calls' answers and the model say. */
	private static final List<String> expectedOutcomes = new ArrayList<>();

	private static final List<Map<String, String>> expectedBins = new ArrayList<>();

	private static List<JsonNode> entries;

	private static List<String> lines;

	@BeforeAll
	static void callAndReadTheLog() throws Exception {
		invoker = InvokerProcess.start(client,
				Map.of("K_SERVICE", "heart-disease", "K_REVISION", "heart-disease-00007-tux"));
		int linesBefore = Files.readAllLines(invoker.log()).size();
		String batch = SurfaceCases.payload("batch.json");
		diagnosed(DISTINCTIVE, post("application/json", DISTINCTIVE, 200).get("diagnosis").asText());
		JsonNode answers = post("application/json", batch, 200);
		JsonNode payloads = JSON.readTree(batch);
		for (int i = 0; i < payloads.size(); i++) {
			diagnosed(payloads.get(i).toString(), answers.get(i).get("diagnosis").asText());
		}
		post("application/json", INVALID, 400);
		refused("invalid");
		post("text/plain", DISTINCTIVE, 415);
		refused("unsupported-media-type");
		assertThat(client.send(HttpRequest.newBuilder(invoker.uri("/nope")).GET().build(), BodyHandlers.ofString())
			.statusCode()).isEqualTo(404);
		refused("not-found");
		List<String> all = Files.readAllLines(invoker.log());
		lines = all.subList(linesBefore, all.size());
		entries = new ArrayList<>();
		for (String line : lines) {
			if (line.startsWith("{")) {
				entries.add(JSON.readTree(line));
			}
		}
	}

	@AfterAll
	static void stop() throws Exception {
		if (invoker != null) {
			invoker.close();
		}
	}

	@Test
	void shouldWriteOneStructuredEntryPerAnswer() {
		assertThat(entries).hasSize(expectedOutcomes.size()).hasSize(7);
		for (JsonNode entry : entries) {
			assertThat(entry.get("severity").asText()).isIn(SEVERITIES);
			assertThat(entry.get("message").isTextual()).isTrue();
			JsonNode labels = entry.get("logging.googleapis.com/labels");
			assertThat(labels.isObject()).isTrue();
			labels.properties().forEach((label) -> assertThat(label.getValue().isTextual()).as(label.getKey()).isTrue());
			assertThat(JSON.convertValue(labels, Map.class)).containsExactlyInAnyOrderEntriesOf(Map.of("function",
					"heart-disease", "revision", "heart-disease-00007-tux", "model", "heart-disease"));
		}
	}

	@Test
	void shouldCountEachOutcomeWithItsSeverity() {
		assertThat(entries).map((entry) -> entry.get("outcome").asText()).containsExactlyElementsOf(expectedOutcomes);
		assertThat(entries).map((entry) -> entry.get("outcome").asText() + " " + entry.get("severity").asText())
			.allMatch((both) -> both.matches("(clear|heart-disease) INFO|(invalid|not-found|unsupported-media-type) WARNING"));
		assertThat(entries).map((entry) -> entry.get("message").asText())
			.containsExactlyElementsOf(expectedOutcomes.stream().map((outcome) -> "answer: " + outcome).toList());
	}

	@Test
	void shouldNameEveryFieldsBinForADiagnosisAndNoneForARefusal() {
		Map<String, Map<String, Integer>> expected = new HashMap<>();
		Map<String, Map<String, Integer>> written = new HashMap<>();
		for (int i = 0; i < entries.size(); i++) {
			JsonNode bins = entries.get(i).get("bins");
			if (expectedBins.get(i) == null) {
				assertThat(bins).isNull();
				assertThat(entries.get(i).get("imputed")).isNull();
				continue;
			}
			assertThat(JSON.convertValue(bins, Map.class)).isEqualTo(expectedBins.get(i));
			expectedBins.get(i).forEach((field, bin) -> count(expected, field, bin));
			bins.properties().forEach((bin) -> count(written, bin.getKey(), bin.getValue().asText()));
		}
		assertThat(written).isEqualTo(expected).hasSize(Field.all().size());
		// The batch's third payload has no ca and no thal: both imputed, and counted as missing.
		assertThat(entries.get(3).get("imputed").asInt()).isEqualTo(2);
		assertThat(written.get("ca")).containsEntry("missing", 1);
		assertThat(entries.get(0).get("imputed").asInt()).isZero();
	}

	@Test
	void shouldTimeEachCallOnceOnItsFirstAnswer() {
		// Calls: one payload, a batch of three, 400, 415, 404: five latencies, none on the batch's later answers.
		assertThat(entries).map((entry) -> entry.has("latencyMs")).containsExactly(true, true, false, false, true, true, true);
		assertThat(entries).filteredOn((entry) -> entry.has("latencyMs"))
			.allMatch((entry) -> entry.get("latencyMs").isNumber() && entry.get("latencyMs").asDouble() > 0);
	}

	@Test
	void shouldWriteNoPayloadValueInAnyLine() {
		assertThat(lines).isNotEmpty().noneMatch((line) -> PAYLOAD_VALUE.matcher(line).find());
	}

	private static JsonNode post(String contentType, String body, int status) throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(invoker.uri("/predict"))
			.header("Content-Type", contentType)
			.POST(BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

	private static void diagnosed(String payload, String diagnosis) throws Exception {
		FieldBins bins = FieldBins.of(FuzzPayloads.committedModel().artifact().trainingDistribution());
		JsonNode values = JSON.readTree(payload);
		Map<String, String> named = new HashMap<>();
		for (Field field : Field.all()) {
			JsonNode value = values.get(field.jsonName());
			named.put(field.jsonName(), bins.bin(bins.slotOf(field, (value != null) ? value.asDouble() : null)));
		}
		expectedOutcomes.add(diagnosis);
		expectedBins.add(named);
	}

	private static void refused(String outcome) {
		expectedOutcomes.add(outcome);
		expectedBins.add(null);
	}

	private static void count(Map<String, Map<String, Integer>> counts, String field, String bin) {
		counts.computeIfAbsent(field, (name) -> new HashMap<>()).merge(bin, 1, Integer::sum);
	}

}
