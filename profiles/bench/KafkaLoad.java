import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Drives a running scorer end to end, produce → answer committed, as any client would: plain Kafka
 * clients, a {@code read_committed} reader of the answers. One warm-up stream (the scorer's JIT and
 * its partition assignment), then {@code bursts} streams of {@code records} sent as fast as the
 * producer can, each timed from its first send to its last answer read (records/s); then records paced
 * at half the median burst rate for {@code seconds}, each timed from its send to its answer read
 * (latency at a load the scorer keeps up with, where a saturating stream would only measure its own
 * backlog). Prints {@code RESULT} lines for profiles/bench/kafka.sh.
 *
 * <pre>java -cp KAFKA_CLASSPATH:DIR KafkaLoad BOOTSTRAP TOPIC PARTITIONS RECORDS BURSTS SECONDS PAYLOAD_FILE</pre>
 */
public class KafkaLoad {

	private static final String CORRELATION_ID = "correlation-id";

	public static void main(String[] args) throws Exception {
		String bootstrap = args[0];
		String topic = args[1];
		int partitions = Integer.parseInt(args[2]);
		int records = Integer.parseInt(args[3]);
		int bursts = Integer.parseInt(args[4]);
		int seconds = Integer.parseInt(args[5]);
		byte[] payload = Files.readAllBytes(Path.of(args[6]));
		createTopics(bootstrap, partitions, topic + "-payloads", topic + "-answers", topic + "-dead-letters");

		// Stream 0 is the warm-up, streams 1..bursts the timed bursts, stream bursts + 1 the paced one.
		int streams = bursts + 2;
		Reader reader = new Reader(bootstrap, topic + "-answers", streams);
		Thread reading = new Thread(reader, "answers");
		reading.start();
		try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
			String input = topic + "-payloads";
			send(producer, input, 0, records, payload, reader, 0);
			reader.await(0, records, Duration.ofSeconds(180));
			double[] rates = new double[bursts];
			for (int burst = 1; burst <= bursts; burst++) {
				long start = System.nanoTime();
				send(producer, input, burst, records, payload, reader, 0);
				long end = reader.await(burst, records, Duration.ofSeconds(180));
				rates[burst - 1] = records / ((end - start) / 1e9);
				System.err.printf("burst %d: %d records in %.2f s, %.0f records/s%n", burst, records, (end - start) / 1e9,
						rates[burst - 1]);
			}
			for (double rate : rates) {
				System.out.printf("RESULT throughput %.0f%n", rate);
			}
			double[] sorted = rates.clone();
			Arrays.sort(sorted);
			double rate = sorted[sorted.length / 2] / 2;
			int count = (int) (rate * seconds);
			send(producer, input, streams - 1, count, payload, reader, rate);
			reader.await(streams - 1, count, Duration.ofSeconds(180));
			long[] latencies = reader.latencies(streams - 1, count);
			Arrays.sort(latencies);
			System.err.printf("paced at %.0f records/s for %d s: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", rate, seconds,
					latencies[count / 2] / 1e6, latencies[(int) (count * 0.99)] / 1e6, latencies[count - 1] / 1e6);
			System.out.printf("RESULT paced %.0f%n", rate);
			System.out.printf("RESULT p99 %.3f%n", latencies[(int) (count * 0.99)] / 1e6);
		}
		finally {
			reader.stop();
			reading.join();
		}
	}

	/** Sends {@code count} records of one stream, at {@code rate} records/s, or as fast as it can at 0. */
	private static void send(KafkaProducer<byte[], byte[]> producer, String topic, int stream, int count,
			byte[] payload, Reader reader, double rate) throws InterruptedException, ExecutionException {
		reader.begin(stream, count);
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			if (rate > 0) {
				long due = start + (long) (i * 1e9 / rate);
				while (System.nanoTime() < due) {
					Thread.onSpinWait();
				}
			}
			ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, null, payload);
			record.headers().add(CORRELATION_ID, (stream + ":" + i).getBytes(StandardCharsets.US_ASCII));
			reader.sent(stream, i, System.nanoTime());
			producer.send(record);
		}
		producer.flush();
	}

	private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 65_536);
		return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
	}

	private static void createTopics(String bootstrap, int partitions, String... topics) throws Exception {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		try (Admin admin = Admin.create(properties)) {
			for (String topic : topics) {
				try {
					admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
				}
				catch (ExecutionException ex) {
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw ex;
					}
				}
			}
		}
	}

	/** Reads the answers as they are committed and notes, per stream and record, when each was sent and read. */
	private static final class Reader implements Runnable {

		private final KafkaConsumer<byte[], byte[]> consumer;

		private final long[][] sentAt;

		private final long[][] readAt;

		private final BitSet[] read;

		private final int[] counts;

		private final AtomicBoolean running = new AtomicBoolean(true);

		Reader(String bootstrap, String topic, int streams) {
			Properties properties = new Properties();
			properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
			properties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + UUID.randomUUID());
			properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
			properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
			properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
			this.consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
			this.consumer.subscribe(List.of(topic));
			this.sentAt = new long[streams][];
			this.readAt = new long[streams][];
			this.read = new BitSet[streams];
			this.counts = new int[streams];
		}

		synchronized void begin(int stream, int count) {
			this.sentAt[stream] = new long[count];
			this.readAt[stream] = new long[count];
			this.read[stream] = new BitSet(count);
		}

		void sent(int stream, int index, long nanos) {
			this.sentAt[stream][index] = nanos;
		}

		@Override
		public void run() {
			try {
				while (this.running.get()) {
					List<ConsumerRecord<byte[], byte[]>> polled = new ArrayList<>();
					this.consumer.poll(Duration.ofMillis(100)).forEach(polled::add);
					long now = System.nanoTime();
					synchronized (this) {
						for (ConsumerRecord<byte[], byte[]> record : polled) {
							Header header = record.headers().lastHeader(CORRELATION_ID);
							String id = new String(header.value(), StandardCharsets.US_ASCII);
							int colon = id.indexOf(':');
							int stream = Integer.parseInt(id, 0, colon, 10);
							int index = Integer.parseInt(id, colon + 1, id.length(), 10);
							if (!this.read[stream].get(index)) {
								this.read[stream].set(index);
								this.readAt[stream][index] = now;
								this.counts[stream]++;
							}
						}
						notifyAll();
					}
				}
			}
			finally {
				this.consumer.close();
			}
		}

		/** @return when the last of the stream's first {@code count} records was read */
		synchronized long await(int stream, int count, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (this.counts[stream] < count) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new IllegalStateException("stream " + stream + ": " + this.counts[stream] + " of " + count
							+ " answers after " + timeout.toSeconds() + " s");
				}
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
			long last = 0;
			for (int i = 0; i < count; i++) {
				last = Math.max(last, this.readAt[stream][i]);
			}
			return last;
		}

		synchronized long[] latencies(int stream, int count) {
			long[] latencies = new long[count];
			for (int i = 0; i < count; i++) {
				latencies[i] = this.readAt[stream][i] - this.sentAt[stream][i];
			}
			return latencies;
		}

		void stop() {
			this.running.set(false);
		}

	}

}
