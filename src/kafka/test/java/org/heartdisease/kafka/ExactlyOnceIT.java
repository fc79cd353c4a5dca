package org.heartdisease.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.heartdisease.SurfaceCases;
import org.heartdisease.kafka.TopicRecords.Outgoing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged scorer (a child JVM) against a real KRaft broker, with the default exactly-once
 * delivery: killed with {@code kill -9} mid-stream and restarted, and joined then left by a second
 * instance mid-stream, a {@code read_committed} reader still sees exactly one answer per input.
 */
class ExactlyOnceIT {

	private static final int RECORDS = 6_000;

	private static EmbeddedKafkaKraftBroker broker;

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, 4);
		broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr",
				"1", "offsets.topic.replication.factor", "1", "group.initial.rebalance.delay.ms", "0"));
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@Test
	void shouldAnswerEachRecordExactlyOnceWhenKilledAndRestarted() throws Exception {
		String topic = "killed";
		broker.addTopics(new NewTopic(topic + "-payloads", 4, (short) 1));
		try (ScorerProcess first = ScorerProcess.start("killed-a", broker.getBrokersAsString(), topic)) {
			CompletableFuture<Void> producing = produce(topic);
			awaitAnswers(topic, RECORDS / 5);
			first.kill();
			try (ScorerProcess restarted = ScorerProcess.start("killed-a", broker.getBrokersAsString(), topic)) {
				producing.get();
				assertExactlyOnce(topic);
			}
		}
	}

	@Test
	void shouldAnswerEachRecordExactlyOnceWhenAnInstanceJoinsAndLeaves() throws Exception {
		String topic = "rebalanced";
		broker.addTopics(new NewTopic(topic + "-payloads", 4, (short) 1));
		try (ScorerProcess first = ScorerProcess.start("rebalanced-a", broker.getBrokersAsString(), topic);
				ScorerProcess second = ScorerProcess.start("rebalanced-b", broker.getBrokersAsString(), topic)) {
			CompletableFuture<Void> producing = produce(topic);
			awaitAnswers(topic, RECORDS / 3);
			first.stop();
			producing.get();
			assertExactlyOnce(topic);
			assertThat(second.isAlive()).isTrue();
		}
	}

	// Spread over a few seconds, so that the kill or the rebalance falls in the middle of the stream;
	// every 50th record is invalid, for the dead-letter topic to take part in the transactions too.
	private static CompletableFuture<Void> produce(String topic) {
		String good = SurfaceCases.payload("example.json");
		String bad = new String(SurfaceCases.Body.INVALID.bytes(), java.nio.charset.StandardCharsets.UTF_8);
		return CompletableFuture.runAsync(() -> {
			for (int chunk = 0; chunk < 20; chunk++) {
				List<Outgoing> records = new ArrayList<>();
				for (int i = chunk * (RECORDS / 20); i < (chunk + 1) * (RECORDS / 20); i++) {
					records.add(new Outgoing(null, "patient-" + i, "record-" + i,
							TopicRecords.utf8((i % 50 == 0) ? bad : good)));
				}
				TopicRecords.send(broker.getBrokersAsString(), topic + "-payloads", records);
				sleep(400);
			}
		});
	}

	private static void awaitAnswers(String topic, int count) {
		assertThat(TopicRecords.readCommitted(broker.getBrokersAsString(), List.of(topic + "-answers"),
				(records) -> records.size() >= count, Duration.ofSeconds(90)).size()).isGreaterThanOrEqualTo(count);
	}

	private static void assertExactlyOnce(String topic) {
		List<ConsumerRecord<byte[], byte[]>> read = TopicRecords.readCommitted(broker.getBrokersAsString(),
				List.of(topic + "-answers", topic + "-dead-letters"), (records) -> records.size() >= RECORDS,
				Duration.ofSeconds(120));
		Map<String, List<ConsumerRecord<byte[], byte[]>>> byId = TopicRecords.byCorrelation(read);
		List<String> notOnce = new ArrayList<>();
		for (int i = 0; i < RECORDS; i++) {
			List<ConsumerRecord<byte[], byte[]>> answers = byId.get("record-" + i);
			if (answers == null || answers.size() != 1) {
				notOnce.add("record-" + i + " x" + ((answers == null) ? 0 : answers.size()));
			}
		}
		assertThat(notOnce).as("records not answered exactly once").isEmpty();
		assertThat(read).hasSize(RECORDS);
		assertThat(read.stream().filter((r) -> r.topic().endsWith("-dead-letters"))).hasSize(RECORDS / 50);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
