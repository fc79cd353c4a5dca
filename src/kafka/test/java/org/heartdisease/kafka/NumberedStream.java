package org.heartdisease.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heartdisease.SurfaceCases;
import org.heartdisease.kafka.TopicRecords.Outgoing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream of numbered payload records ({@code record-0} ... as their correlation ids, every 50th one
 * invalid so that the dead-letter topic takes part), and the checks of what the scorer made of it as a
 * {@code read_committed} reader of its output and dead-letter topics sees it. A topic prefix names the
 * input ({@code -payloads}), output ({@code -answers}) and dead-letter ({@code -dead-letters}) topics.
 */
final class NumberedStream {

	private static final int INVALID_EVERY = 50;

	private NumberedStream() {
	}

	/** @return records {@code from} (inclusive) to {@code to} (exclusive), keyed by patient */
	static List<Outgoing> records(int from, int to) {
		byte[] good = TopicRecords.utf8(SurfaceCases.payload("example.json"));
		byte[] bad = SurfaceCases.Body.INVALID.bytes();
		List<Outgoing> records = new ArrayList<>();
		for (int i = from; i < to; i++) {
			records.add(new Outgoing(null, "patient-" + i, "record-" + i, (i % INVALID_EVERY == 0) ? bad : good));
		}
		return records;
	}

	/** Waits until at least {@code count} answers are committed. */
	static void awaitAnswers(String bootstrap, String topic, int count) {
		assertThat(TopicRecords.readCommitted(bootstrap, List.of(topic + "-answers"), (read) -> read.size() >= count,
				Duration.ofSeconds(90))
			.size()).isGreaterThanOrEqualTo(count);
	}

	/** Asserts that each of the {@code records} first records has exactly one answer or dead letter. */
	static void assertExactlyOnce(String bootstrap, String topic, int records) {
		List<ConsumerRecord<byte[], byte[]>> read = readAll(bootstrap, topic, records);
		Map<String, List<ConsumerRecord<byte[], byte[]>>> byId = TopicRecords.byCorrelation(read);
		List<String> notOnce = new ArrayList<>();
		for (int i = 0; i < records; i++) {
			int answers = byId.getOrDefault("record-" + i, List.of()).size();
			if (answers != 1) {
				notOnce.add("record-" + i + " x" + answers);
			}
		}
		assertThat(notOnce).as("records not answered exactly once").isEmpty();
		assertThat(read).hasSize(records);
		assertThat(read.stream().filter((r) -> r.topic().endsWith("-dead-letters"))).hasSize(records / INVALID_EVERY);
	}

	/**
	 * Asserts that each of the {@code records} first records has at least one answer, on the topic its
	 * validity calls for; repeats are allowed.
	 * @return how many records were answered more than once
	 */
	static long assertAtLeastOnce(String bootstrap, String topic, int records) {
		List<ConsumerRecord<byte[], byte[]>> read = readAll(bootstrap, topic, records);
		Map<String, List<ConsumerRecord<byte[], byte[]>>> byId = TopicRecords.byCorrelation(read);
		List<String> missing = new ArrayList<>();
		for (int i = 0; i < records; i++) {
			List<ConsumerRecord<byte[], byte[]>> answers = byId.getOrDefault("record-" + i, List.of());
			String expected = topic + ((i % INVALID_EVERY == 0) ? "-dead-letters" : "-answers");
			if (answers.isEmpty() || answers.stream().anyMatch((answer) -> !answer.topic().equals(expected))) {
				missing.add("record-" + i + " on " + answers.stream().map(ConsumerRecord::topic).toList());
			}
		}
		assertThat(missing).as("records not answered, or answered on the wrong topic").isEmpty();
		assertThat(byId.keySet()).as("answers to records never sent").hasSize(records);
		return byId.values().stream().filter((answers) -> answers.size() > 1).count();
	}

	private static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic, int records) {
		return TopicRecords.readCommitted(bootstrap, List.of(topic + "-answers", topic + "-dead-letters"),
				(read) -> TopicRecords.byCorrelation(read).size() >= records, Duration.ofSeconds(120));
	}

}
