package org.heartdisease.monitoring;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.heartdisease.FuzzPayloads;
import org.heartdisease.SurfaceCases;
import org.heartdisease.api.PayloadReader;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.api.PredictionExchange.Call;
import org.heartdisease.api.RequestLimits;
import org.heartdisease.model.Field;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.prediction.Diagnosis;
import org.heartdisease.prediction.ModelDescription;
import org.heartdisease.prediction.Payload;
import org.heartdisease.prediction.Predictor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AnswerMonitor} behind the real exchange over the committed model: the exact counts a
 * known sequence of requests leaves, alone and under parallel load, and what a listener is told.
 */
class AnswerMonitorTests {

	private static final HeartDiseaseModel MODEL = FuzzPayloads.committedModel();

	private static final Predictor PREDICT = new Predictor(MODEL);

	private static final String EXAMPLE = SurfaceCases.payload("example.json");

	private static final String BATCH = SurfaceCases.payload("batch.json");

	private static PredictionExchange exchange(AnswerMonitor monitor) {
		RequestLimits limits = new RequestLimits(262144, 1000);
		return new PredictionExchange(PREDICT::diagnose, () -> ModelDescription.of(MODEL),
				new PayloadReader(PREDICT.validator(), limits), limits, new ObjectMapper(), monitor);
	}

	private static ServedCounts counts() {
		return new ServedCounts(FieldBins.of(MODEL.artifact().trainingDistribution()));
	}

	private static AnswerMonitor monitor(ServedCounts counts, AnswerListener... more) {
		List<AnswerListener> listeners = new ArrayList<>(List.of(more));
		listeners.add(0, counts);
		return AnswerMonitor.of(counts.bins(), MODEL.artifact().labels().positive(), listeners);
	}

	private static Call post(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return new Call("POST", "/predict", "application/json", bytes.length, new ByteArrayInputStream(bytes));
	}

	// One of each: a single payload, a batch of three, a payload with an invalid value, a body that is
	// not JSON, a wrong type, a wrong path, a wrong method, and two reads that are no answers.
	private static List<Call> sequence() {
		return List.of(post(EXAMPLE), post(BATCH), post(EXAMPLE.replace("\"age\": 63", "\"age\": 263")), post("{"),
				new Call("POST", "/predict", "text/plain", 2, new ByteArrayInputStream("{}".getBytes())),
				new Call("GET", "/nowhere", null, 0, null), new Call("DELETE", "/predict", null, 0, null),
				new Call("GET", "/model", null, 0, null), new Call("OPTIONS", "/predict", null, 0, null));
	}

	// What predict itself says of the payloads the sequence sends, counted without the monitor.
	private static Map<Outcome, Long> expectedDiagnoses() throws Exception {
		List<Payload> payloads = new ArrayList<>();
		ObjectMapper mapper = new ObjectMapper();
		payloads.add(mapper.readValue(EXAMPLE, Payload.class));
		payloads.addAll(List.of(mapper.readValue(BATCH, Payload[].class)));
		long positive = payloads.stream().map(PREDICT::apply).map(Diagnosis::diagnosis)
			.filter(MODEL.artifact().labels().positive()::equals).count();
		return Map.of(Outcome.HEART_DISEASE, positive, Outcome.CLEAR, payloads.size() - positive);
	}

	@Test
	void shouldCountEachAnswerOfAKnownSequenceByOutcome() throws Exception {
		ServedCounts counts = counts();
		PredictionExchange exchange = exchange(monitor(counts));
		for (Call call : sequence()) {
			exchange.answer(call);
		}
		Map<Outcome, Long> diagnoses = expectedDiagnoses();
		assertThat(diagnoses.get(Outcome.HEART_DISEASE)).isPositive();
		assertThat(diagnoses.get(Outcome.CLEAR)).isPositive();
		assertThat(counts.outcome(Outcome.HEART_DISEASE)).isEqualTo(diagnoses.get(Outcome.HEART_DISEASE));
		assertThat(counts.outcome(Outcome.CLEAR)).isEqualTo(diagnoses.get(Outcome.CLEAR));
		assertThat(counts.outcome(Outcome.INVALID)).isEqualTo(2);
		assertThat(counts.outcome(Outcome.UNSUPPORTED_MEDIA_TYPE)).isEqualTo(1);
		assertThat(counts.outcome(Outcome.NOT_FOUND)).isEqualTo(1);
		assertThat(counts.outcome(Outcome.METHOD_NOT_ALLOWED)).isEqualTo(1);
		assertThat(counts.outcome(Outcome.TOO_LARGE)).isZero();
		assertThat(counts.outcome(Outcome.ERROR)).isZero();
		// The batch's third patient has neither ca nor thal: two imputed fields; the other three none.
		assertThat(counts.imputed(0)).isEqualTo(3);
		assertThat(counts.imputed(2)).isEqualTo(1);
		// Every field of the four diagnosed payloads is counted once, in one of its bins.
		FieldBins bins = counts.bins();
		Map<String, Map<String, Long>> byField = bins.byField(counts.snapshot().slots());
		for (Field field : Field.all()) {
			assertThat(byField.get(field.jsonName()).values().stream().mapToLong(Long::longValue).sum())
				.as(field.jsonName()).isEqualTo(4);
		}
		assertThat(byField.get("ca").get("missing")).isEqualTo(1);
		assertThat(byField.get("age").get(bins.distribution().fields().get("age").binOf(63.0))).isGreaterThanOrEqualTo(2);
	}

	@Test
	void shouldCountExactlyUnderParallelLoad() throws Exception {
		ServedCounts counts = counts();
		PredictionExchange exchange = exchange(monitor(counts));
		int threads = 8;
		int rounds = 250;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			done.add(pool.submit(() -> {
				for (int round = 0; round < rounds; round++) {
					sequence().forEach(exchange::answer);
				}
			}));
		}
		for (Future<?> future : done) {
			future.get(2, TimeUnit.MINUTES);
		}
		pool.shutdown();
		long times = (long) threads * rounds;
		Map<Outcome, Long> diagnoses = expectedDiagnoses();
		assertThat(counts.outcome(Outcome.HEART_DISEASE)).isEqualTo(times * diagnoses.get(Outcome.HEART_DISEASE));
		assertThat(counts.outcome(Outcome.CLEAR)).isEqualTo(times * diagnoses.get(Outcome.CLEAR));
		assertThat(counts.outcome(Outcome.INVALID)).isEqualTo(times * 2);
		assertThat(counts.outcome(Outcome.NOT_FOUND)).isEqualTo(times);
		assertThat(counts.snapshot().answers()).isEqualTo(times * (4 + 5));
		assertThat(counts.imputed(2)).isEqualTo(times);
	}

	@Test
	void shouldTellAListenerOfEachCallWithItsLatencyAndEachAnswerWhenAsked() {
		List<String> told = new CopyOnWriteArrayList<>();
		AnswerListener perAnswer = new AnswerListener() {

			@Override
			public void recorded(Recording recording) {
				assertThat(recording.timed()).isTrue();
				assertThat(recording.nanos()).isPositive();
				for (int i = 0; i < recording.answers(); i++) {
					told.add(recording.outcomeOf(i).label() + ":" + recording.imputedOf(i) + ":"
							+ ((recording.slotOf(i, Field.CA) >= 0) ? recording.bins().bin(recording.slotOf(i, Field.CA)) : "-"));
				}
			}

			@Override
			public boolean perAnswer() {
				return true;
			}

		};
		PredictionExchange exchange = exchange(monitor(counts(), perAnswer));
		exchange.answer(post(BATCH));
		exchange.answer(new Call("GET", "/model", null, 0, null));
		exchange.answer(post("{"));
		assertThat(told).hasSize(4);
		assertThat(told.get(2)).endsWith(":2:missing");
		assertThat(told.get(3)).isEqualTo("invalid:0:-");
	}

	@Test
	void shouldKeepTheAnswerWhenAListenerFails() {
		ServedCounts counts = counts();
		PredictionExchange exchange = exchange(monitor(counts, (recording) -> {
			throw new IllegalStateException("a broken exporter");
		}));
		assertThat(exchange.answer(post(EXAMPLE)).status()).isEqualTo(200);
		assertThat(counts.snapshot().answers()).isEqualTo(1);
	}

	@Test
	void shouldRecordNothingWhenOff() {
		PredictionExchange exchange = exchange(AnswerMonitor.off());
		assertThat(exchange.answer(post(EXAMPLE)).status()).isEqualTo(200);
		assertThat(AnswerMonitor.off().start().answers()).isZero();
	}

}
