package org.heartdisease.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.heartdisease.HeartDiseaseApplication;
import org.heartdisease.SurfaceCases;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.monitoring.FieldBins;
import org.heartdisease.prediction.Payload;
import org.heartdisease.prediction.Predictor;
import org.heartdisease.training.fit.TestData;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The local server's meters at {@code /actuator/prometheus}, over real HTTP: the exact counts a known
 * sequence of requests leaves, alone and from eight threads at once; the drift gauge on the Cleveland
 * patients; and no payload value in the scrape.
 */
class LocalMetricsTests {

	private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)(\\{([^}]*)\\})? (\\S+)$");

	private static final String EXAMPLE = SurfaceCases.payload("example.json");

	private static final String BATCH = SurfaceCases.payload("batch.json");

	private ConfigurableApplicationContext context;

	private String base;

	@BeforeEach
	void startServer() {
		this.context = SpringApplication.run(HeartDiseaseApplication.class, "--server.port=0",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN");
		this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	@AfterEach
	void stopServer() {
		this.context.close();
	}

	private int send(String method, String path, String contentType, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		return client.send(request.build(), BodyHandlers.discarding()).statusCode();
	}

	// A single payload, a batch of three, an invalid value, a body that is no JSON, a wrong type, a
	// wrong path, a wrong method; and a read of the model, which is no answer.
	private void sequence() throws Exception {
		assertThat(send("POST", "/predict", "application/json", EXAMPLE)).isEqualTo(200);
		assertThat(send("POST", "/", "application/json", BATCH)).isEqualTo(200);
		assertThat(send("POST", "/predict", "application/json", EXAMPLE.replace("\"age\": 63", "\"age\": 263")))
			.isEqualTo(400);
		assertThat(send("POST", "/predict", "application/json", "{")).isEqualTo(400);
		assertThat(send("POST", "/predict", "text/plain", "{}")).isEqualTo(415);
		assertThat(send("GET", "/nowhere", null, null)).isEqualTo(404);
		assertThat(send("DELETE", "/predict", null, null)).isEqualTo(405);
		assertThat(send("GET", "/model", null, null)).isEqualTo(200);
	}

	private String scrape() throws Exception {
		var response = client.send(HttpRequest.newBuilder(URI.create(this.base + "/actuator/prometheus")).build(),
				BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/plain"));
		return response.body();
	}

	// Each sample of the scrape by its name and labels as written, e.g. heart_answers_total{outcome="clear"}.
	private static Map<String, Double> samples(String scrape) {
		Map<String, Double> samples = new HashMap<>();
		for (String line : scrape.split("\n")) {
			Matcher matcher = SAMPLE.matcher(line);
			if (!line.startsWith("#") && matcher.matches()) {
				samples.put(matcher.group(1) + ((matcher.group(2) != null) ? matcher.group(2) : ""),
						Double.parseDouble(matcher.group(4)));
			}
		}
		return samples;
	}

	// What predict itself says of the sequence's four payloads.
	private long positives() throws Exception {
		HeartDiseaseModel model = this.context.getBean(HeartDiseaseModel.class);
		Predictor predict = new Predictor(model);
		ObjectMapper mapper = new ObjectMapper();
		List<Payload> payloads = new ArrayList<>(List.of(mapper.readValue(BATCH, Payload[].class)));
		payloads.add(mapper.readValue(EXAMPLE, Payload.class));
		return payloads.stream().filter((payload) -> predict.apply(payload).diagnosis()
			.equals(model.artifact().labels().positive())).count();
	}

	@Test
	void shouldCountAKnownSequenceExactly() throws Exception {
		sequence();
		Map<String, Double> samples = samples(scrape());
		long positives = positives();
		assertThat(samples).containsEntry("heart_answers_total{outcome=\"heart-disease\"}", (double) positives)
			.containsEntry("heart_answers_total{outcome=\"clear\"}", 4.0 - positives)
			.containsEntry("heart_answers_total{outcome=\"invalid\"}", 2.0)
			.containsEntry("heart_answers_total{outcome=\"unsupported-media-type\"}", 1.0)
			.containsEntry("heart_answers_total{outcome=\"not-found\"}", 1.0)
			.containsEntry("heart_answers_total{outcome=\"method-not-allowed\"}", 1.0)
			.containsEntry("heart_answers_total{outcome=\"error\"}", 0.0)
			.containsEntry("heart_answer_imputed_total{fields=\"0\"}", 3.0)
			.containsEntry("heart_answer_imputed_total{fields=\"2\"}", 1.0)
			.containsEntry("heart_field_values_total{bin=\"missing\",field=\"ca\"}", 1.0)
			// Seven requests were answers (the read of the model is none), each timed once.
			.containsEntry("heart_request_seconds_count", 7.0);
		assertThat(samples.get("heart_request_seconds_bucket{le=\"+Inf\"}")).isEqualTo(7.0);
		double values = samples.entrySet().stream().filter((sample) -> sample.getKey().startsWith("heart_field_values_total"))
			.mapToDouble(Map.Entry::getValue).sum();
		assertThat(values).isEqualTo(4.0 * 13);
		// The JVM's own meters are there too, as Actuator users expect.
		assertThat(samples.keySet()).anyMatch((name) -> name.startsWith("jvm_memory_used_bytes"));
	}

	@Test
	void shouldCountExactlyUnderParallelLoad() throws Exception {
		int threads = 8;
		int rounds = 25;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			done.add(pool.submit(() -> {
				for (int round = 0; round < rounds; round++) {
					sequence();
				}
				return null;
			}));
		}
		for (Future<?> future : done) {
			future.get(5, TimeUnit.MINUTES);
		}
		pool.shutdown();
		double times = threads * rounds;
		Map<String, Double> samples = samples(scrape());
		long positives = positives();
		assertThat(samples).containsEntry("heart_answers_total{outcome=\"heart-disease\"}", times * positives)
			.containsEntry("heart_answers_total{outcome=\"clear\"}", times * (4 - positives))
			.containsEntry("heart_answers_total{outcome=\"invalid\"}", times * 2)
			.containsEntry("heart_answers_total{outcome=\"not-found\"}", times)
			.containsEntry("heart_request_seconds_count", times * 7);
	}

	@Test
	void shouldTrackTheDriftOfTheServedPatientsAndShowNoValue() throws Exception {
		List<double[]> rows = TestData.clevelandDataset().rows();
		StringBuilder older = new StringBuilder("[");
		for (double[] row : rows) {
			older.append((older.length() > 1) ? "," : "").append('{');
			for (int i = 0; i < row.length; i++) {
				double value = (i == 0) ? row[i] + 20 : row[i];
				older.append((i > 0) ? "," : "").append('"').append(org.heartdisease.model.Field.all().get(i).jsonName())
					.append("\":").append(Double.isNaN(row[i]) ? "null" : String.valueOf(value));
			}
			older.append('}');
		}
		assertThat(send("POST", "/predict", "application/json", older.append(']').toString())).isEqualTo(200);
		// A patient with values no meter may show: only their bins may appear.
		assertThat(send("POST", "/predict", "application/json",
				EXAMPLE.replace("\"trestbps\": 145", "\"trestbps\": 137.625").replace("\"chol\": 233", "\"chol\": 417.375")))
			.isEqualTo(200);
		String scrape = scrape();
		assertThat(scrape).doesNotContain("137.625", "417.375");
		Map<String, Double> samples = samples(scrape);
		FieldBins bins = FieldBins.of(this.context.getBean(HeartDiseaseModel.class).artifact().trainingDistribution());
		Map<String, Map<String, Long>> served = new HashMap<>();
		samples.forEach((name, value) -> {
			Matcher labels = Pattern.compile("heart_field_values_total\\{bin=\"([^\"]+)\",field=\"([^\"]+)\"\\}").matcher(name);
			if (labels.matches()) {
				served.computeIfAbsent(labels.group(2), (field) -> new HashMap<>()).put(labels.group(1), value.longValue());
			}
		});
		double age = bins.drift(served).fields().get("age");
		assertThat(age).isGreaterThan(0.25);
		assertThat(samples.get("heart_drift_psi{field=\"age\"}")).isCloseTo(age, within(1e-9));
		assertThat(samples.get("heart_drift_psi{field=\"overall\"}")).isCloseTo(age, within(1e-9));
		assertThat(samples.get("heart_drift_psi{field=\"chol\"}")).isLessThan(0.1);
	}

}
