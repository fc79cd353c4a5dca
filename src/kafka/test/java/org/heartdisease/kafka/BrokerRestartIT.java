package org.heartdisease.kafka;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.heartdisease.testing.ServerProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker failure mid-stream: the broker of {@code profiles/kafka/broker.sh} killed with
 * {@code kill -9} while the packaged scorer is in the middle of its transactions, and started again on
 * its data some seconds later. The scorer's client timeouts are cut to seconds, so that the outage
 * fails its polls rather than only delaying them: each failed poll is rolled back and, after the
 * back-off, read again, and a {@code read_committed} reader still sees exactly one answer per input.
 */
class BrokerRestartIT {

	private static final int RECORDS = 12_000;

	@TempDir
	Path data;

	@Test
	void shouldAnswerEachRecordExactlyOnceThroughABrokerKilledAndRestarted() throws Exception {
		int port = ServerProcesses.freePort();
		int controller = ServerProcesses.freePort();
		String bootstrap = "localhost:" + port;
		Process broker = startBroker(port, controller);
		try {
			createInputTopic(bootstrap, "outage-payloads");
			TopicRecords.send(bootstrap, "outage-payloads", NumberedStream.records(0, RECORDS));
			// Small polls, so that the stream lasts and the kill falls in the middle of a transaction.
			try (ScorerProcess scorer = ScorerProcess.start("outage-a", bootstrap, "outage",
					"--heart.kafka.max-poll-records=20", "--heart.kafka.retry-max-ms=2000",
					"--spring.cloud.stream.kafka.binder.producer-properties.max.block.ms=3000",
					"--spring.cloud.stream.kafka.binder.producer-properties.request.timeout.ms=2000",
					"--spring.cloud.stream.kafka.binder.producer-properties.delivery.timeout.ms=3000")) {
				NumberedStream.awaitAnswers(bootstrap, "outage", RECORDS / 6);
				broker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
				DeliveryIT.sleep(10_000);
				broker = startBroker(port, controller);
				NumberedStream.assertExactlyOnce(bootstrap, "outage", RECORDS);
				assertThat(scorer.log()).as("the outage failed a poll, which was rolled back")
					.contains("Transaction rolled back");
				assertThat(scorer.isAlive()).isTrue();
			}
		}
		finally {
			broker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	/** The project's own script, on this test's ports and data directory; ready once the port answers. */
	private Process startBroker(int port, int controller) throws IOException, InterruptedException {
		Path log = Path.of("target/kafka/it-broker.log").toAbsolutePath();
		ProcessBuilder builder = new ProcessBuilder("profiles/kafka/broker.sh").redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().put("KAFKA_PORT", String.valueOf(port));
		builder.environment().put("KAFKA_CONTROLLER_PORT", String.valueOf(controller));
		builder.environment().put("KAFKA_DIR", this.data.toString());
		Process broker = builder.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket("localhost", port)) {
				return broker;
			}
			catch (IOException notYet) {
				assertThat(broker.isAlive()).as("broker.sh is running (see %s)", log).isTrue();
				Thread.sleep(200);
			}
		}
		throw new IllegalStateException("broker.sh did not open port " + port + " (see " + log + ")");
	}

	private static void createInputTopic(String bootstrap, String topic) throws Exception {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		try (Admin admin = Admin.create(properties)) {
			admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
	}

}
