package org.heartdisease.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Plain Kafka clients for the tests: a producer of payload records and a {@code read_committed}
 * reader of what the scorer committed, so that the tests see what any downstream consumer would.
 */
final class TopicRecords {

	private TopicRecords() {
	}

	/** A record as the tests send it: partition, key and correlation id may each be {@code null}. */
	record Outgoing(Integer partition, String key, String correlationId, byte[] value) {
	}

	static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
	}

	/**
	 * Sends the records, in order (the producer is idempotent: Kafka's default), and returns where each
	 * landed once all are acknowledged.
	 */
	static List<RecordMetadata> send(String bootstrap, String topic, List<Outgoing> records) {
		try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
			List<Future<RecordMetadata>> sending = new ArrayList<>();
			for (Outgoing record : records) {
				ProducerRecord<byte[], byte[]> producerRecord = new ProducerRecord<>(topic, record.partition(),
						(record.key() != null) ? utf8(record.key()) : null, record.value());
				if (record.correlationId() != null) {
					producerRecord.headers().add(RecordScorer.CORRELATION_ID, utf8(record.correlationId()));
				}
				sending.add(producer.send(producerRecord));
			}
			List<RecordMetadata> sent = new ArrayList<>();
			for (Future<RecordMetadata> future : sending) {
				sent.add(future.get());
			}
			return sent;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * Reads the topics from the beginning, as a {@code read_committed} consumer, until {@code done}
	 * holds for what was read or the timeout passes, then a little longer to catch any extra record.
	 */
	static List<ConsumerRecord<byte[], byte[]>> readCommitted(String bootstrap, List<String> topics,
			Predicate<List<ConsumerRecord<byte[], byte[]>>> done, Duration timeout) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(topics);
			long deadline = System.nanoTime() + timeout.toNanos();
			long quietUntil = Long.MAX_VALUE;
			while (System.nanoTime() < Math.min(deadline, quietUntil)) {
				consumer.poll(Duration.ofMillis(200)).forEach(read::add);
				if (quietUntil == Long.MAX_VALUE && done.test(read)) {
					quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
				}
			}
		}
		return read;
	}

	/** @return the records by their correlation id, each id with every record that carried it */
	static Map<String, List<ConsumerRecord<byte[], byte[]>>> byCorrelation(List<ConsumerRecord<byte[], byte[]>> records) {
		Map<String, List<ConsumerRecord<byte[], byte[]>>> by = new HashMap<>();
		for (ConsumerRecord<byte[], byte[]> record : records) {
			by.computeIfAbsent(header(record, RecordScorer.CORRELATION_ID), (id) -> new ArrayList<>()).add(record);
		}
		return by;
	}

	/** @return the header's last value as UTF-8 text, {@code null} when absent */
	static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
