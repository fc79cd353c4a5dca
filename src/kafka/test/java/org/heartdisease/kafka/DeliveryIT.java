package org.heartdisease.kafka;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged scorer (a child JVM) against a real KRaft broker, mid-stream: with the default
 * exactly-once delivery, killed with {@code kill -9} and restarted, and joined then left by a second
 * instance, a {@code read_committed} reader still sees exactly one answer per input; with the
 * at-least-once option, killed and restarted, it sees every input answered, some maybe twice.
 */
class DeliveryIT {

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
			NumberedStream.awaitAnswers(broker.getBrokersAsString(), topic, RECORDS / 5);
			first.kill();
			try (ScorerProcess restarted = ScorerProcess.start("killed-a", broker.getBrokersAsString(), topic)) {
				producing.get();
				NumberedStream.assertExactlyOnce(broker.getBrokersAsString(), topic, RECORDS);
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
			NumberedStream.awaitAnswers(broker.getBrokersAsString(), topic, RECORDS / 3);
			first.stop();
			producing.get();
			NumberedStream.assertExactlyOnce(broker.getBrokersAsString(), topic, RECORDS);
			assertThat(second.isAlive()).isTrue();
		}
	}

	@Test
	void shouldAnswerEachRecordAtLeastOnceWithoutTransactionsWhenKilledAndRestarted() throws Exception {
		String topic = "unsafe";
		broker.addTopics(new NewTopic(topic + "-payloads", 4, (short) 1));
		String atLeastOnce = "--spring.profiles.active=at-least-once";
		try (ScorerProcess first = ScorerProcess.start("unsafe-a", broker.getBrokersAsString(), topic, atLeastOnce)) {
			CompletableFuture<Void> producing = produce(topic);
			NumberedStream.awaitAnswers(broker.getBrokersAsString(), topic, RECORDS / 5);
			first.kill();
			try (ScorerProcess restarted = ScorerProcess.start("unsafe-a", broker.getBrokersAsString(), topic,
					atLeastOnce)) {
				producing.get();
				long repeated = NumberedStream.assertAtLeastOnce(broker.getBrokersAsString(), topic, RECORDS);
				System.out.println("at-least-once through kill -9: " + repeated + " records answered more than once");
			}
		}
	}

	// Spread over a few seconds, so that the kill or the rebalance falls in the middle of the stream.
	private static CompletableFuture<Void> produce(String topic) {
		return CompletableFuture.runAsync(() -> {
			for (int chunk = 0; chunk < 20; chunk++) {
				TopicRecords.send(broker.getBrokersAsString(), topic + "-payloads",
						NumberedStream.records(chunk * (RECORDS / 20), (chunk + 1) * (RECORDS / 20)));
				sleep(400);
			}
		});
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
