package org.heartdisease.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.heartdisease.HeartDiseaseApplication;
import org.heartdisease.ReferenceExchange;
import org.heartdisease.SurfaceCases;
import org.heartdisease.SurfaceCases.SurfaceCase;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.api.PredictionExchange.Call;
import org.heartdisease.kafka.TopicRecords.Outgoing;
import org.heartdisease.monitoring.Outcome;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.messaging.MessageHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka deployable's application against a real broker (an embedded KRaft one): every payload of
 * the shared table and every kind of poison record, all on one partition, each answered exactly once,
 * 2xx on the output topic and anything else on the dead-letter topic, with the body the shared
 * exchange gives the same bytes and no header that only steered the binder. The broker is on
 * localhost, so no security protocol is given: the default rule must choose PLAINTEXT.
 */
@SpringBootTest(classes = HeartDiseaseApplication.class,
		properties = { "heart.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"heart.kafka.input-topic=surface-payloads",
				"heart.kafka.output-topic=surface-answers", "heart.kafka.dead-letter-topic=surface-dead-letters",
				"heart.kafka.group=surface-scorer", "heart.kafka.partitions=2", "heart.kafka.metrics-port=0" })
// Spring Boot's tests replace the Prometheus registry by a simple one unless asked not to: the scrape is tested.
@AutoConfigureObservability(tracing = false)
@EmbeddedKafka(kraft = true, count = 1, brokerProperties = { "transaction.state.log.replication.factor=1",
		"transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1" })
class KafkaSurfaceTests {

	@Value("${spring.embedded.kafka.brokers}")
	private String bootstrap;

	@Autowired
	private MetricsEndpoint metrics;

	@Test
	void shouldAnswerEveryRecordOnceWithTheExchangesBytesAndDeadLetterEveryProblem() {
		List<Case> cases = cases();
		List<Outgoing> outgoing = new ArrayList<>();
		for (int i = 0; i < cases.size(); i++) {
			// One partition for all, so that every good record follows a poison record on it.
			outgoing.add(new Outgoing(0, (i % 5 == 4) ? null : "key-" + i, "case-" + i, cases.get(i).value()));
		}
		List<RecordMetadata> sent = TopicRecords.send(this.bootstrap, "surface-payloads", outgoing);
		List<ConsumerRecord<byte[], byte[]>> read = TopicRecords.readCommitted(this.bootstrap,
				List.of("surface-answers", "surface-dead-letters"), (records) -> records.size() >= cases.size(),
				Duration.ofSeconds(60));
		Map<String, List<ConsumerRecord<byte[], byte[]>>> answers = TopicRecords.byCorrelation(read);

		assertThat(read).as("one record per input").hasSize(cases.size());
		for (int i = 0; i < cases.size(); i++) {
			Case c = cases.get(i);
			PredictionExchange.Answer expected = ReferenceExchange.get().answer(Call.payload(c.value()));
			if (c.status() != null) {
				assertThat(expected.status()).as(c.name()).isEqualTo(c.status());
			}
			assertThat(answers.get("case-" + i)).as(c.name()).hasSize(1);
			ConsumerRecord<byte[], byte[]> answer = answers.get("case-" + i).get(0);
			assertThat(answer.topic()).as(c.name())
				.isEqualTo((expected.status() / 100 == 2) ? "surface-answers" : "surface-dead-letters");
			assertThat(new String(answer.value(), StandardCharsets.UTF_8)).as(c.name())
				.isEqualTo(new String(expected.body(), StandardCharsets.UTF_8));
			assertThat(TopicRecords.header(answer, RecordScorer.CONTENT_TYPE)).as(c.name()).isEqualTo(expected.contentType());
			assertThat(answer.headers().headers(MessageHeaders.CONTENT_TYPE)).as(c.name()).isEmpty();
			assertThat(answer.headers().headers("spring.cloud.stream.sendto.destination")).as(c.name()).isEmpty();
			assertThat(answer.headers().headers(KafkaIntegrationHeaders.FLUSH)).as(c.name()).isEmpty();
			assertThat(answer.key()).as(c.name() + " key")
				.isEqualTo((outgoing.get(i).key() != null) ? TopicRecords.utf8(outgoing.get(i).key()) : null);
			if (answer.topic().equals("surface-dead-letters")) {
				assertThat(answer.headers().lastHeader(RecordScorer.ORIGINAL_VALUE).value()).as(c.name())
					.isEqualTo(c.value());
				assertThat(TopicRecords.header(answer, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo("surface-payloads");
				assertThat(ByteBuffer.wrap(answer.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value())
					.getInt()).isEqualTo(sent.get(i).partition());
				assertThat(ByteBuffer.wrap(answer.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value())
					.getLong()).isEqualTo(sent.get(i).offset());
			}
		}
		assertThat(cases.get(cases.size() - 1).status()).isEqualTo(200);
		assertMetered(cases);
	}

	// The scorer's scrape counts each answer by the outcome the exchange gave it, beside the consumers' lag.
	private void assertMetered(List<Case> cases) {
		Map<String, Long> expected = new java.util.TreeMap<>();
		for (Case c : cases) {
			PredictionExchange.Answer answer = ReferenceExchange.get().answer(Call.payload(c.value()));
			if (answer.status() == 200) {
				String body = new String(answer.body(), StandardCharsets.UTF_8);
				for (String label : List.of("clear", "heart-disease")) {
					long count = body.split("\"diagnosis\":\"" + label + "\"", -1).length - 1;
					expected.merge(label, count, Long::sum);
				}
			}
			else {
				expected.merge(Outcome.ofStatus(answer.status()).label(), 1L, Long::sum);
			}
		}
		String scrape = scrape("http://127.0.0.1:" + this.metrics.port() + "/metrics");
		Map<String, Long> metered = new java.util.TreeMap<>();
		java.util.regex.Matcher line = java.util.regex.Pattern
			.compile("(?m)^heart_answers_total\\{outcome=\"([^\"]+)\"\\} (\\S+)$").matcher(scrape);
		while (line.find()) {
			long count = (long) Double.parseDouble(line.group(2));
			if (count > 0) {
				metered.put(line.group(1), count);
			}
		}
		assertThat(metered).isEqualTo(expected);
		assertThat(scrape).contains("heart_field_values_total{", "heart_request_seconds_count",
				"kafka_consumer_fetch_manager_records_lag_max{");
	}

	private static String scrape(String url) {
		try {
			java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
						java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new IllegalStateException("Cannot scrape " + url, ex);
		}
	}

	/** A record's value, and the status the shared table expects for it ({@code null}: not in the table). */
	private record Case(String name, byte[] value, Integer status) {
	}

	private static List<Case> cases() {
		List<Case> cases = new ArrayList<>();
		for (SurfaceCase surfaceCase : SurfaceCases.payloads()) {
			// A record has no Content-Type: the table's 415 (a form body) is, on Kafka, a body that is not JSON.
			boolean json = "application/json".equals(surfaceCase.contentType());
			cases.add(new Case(surfaceCase.name(), surfaceCase.body(), json ? surfaceCase.status() : null));
		}
		cases.add(new Case("not JSON at all", new byte[] { (byte) 0xff, (byte) 0xfe, 0, 1 }, 400));
		cases.add(new Case("an empty record", new byte[0], 400));
		cases.add(new Case("a record over the size limit", SurfaceCases.Body.OVER_LIMIT.bytes(), 413));
		cases.add(new Case("invalid fields", SurfaceCases.Body.INVALID.bytes(), 400));
		cases.add(new Case("a good record after the poison", SurfaceCases.Body.VALID.bytes(), 200));
		return cases;
	}

}
