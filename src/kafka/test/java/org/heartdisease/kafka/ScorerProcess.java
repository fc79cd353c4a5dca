package org.heartdisease.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged scorer jar ({@code kafka.scorer.jar}, set by failsafe) run as a child JVM of the JVM
 * that runs the tests, on a 128 MiB heap, its output in {@code target/kafka/it-<name>.log}.
 */
final class ScorerProcess implements AutoCloseable {

	private final Process process;

	private ScorerProcess(Process process) {
		this.process = process;
	}

	/**
	 * @param name the instance's name: its log file and its {@code heart.kafka.instance-id}
	 * @param bootstrap the brokers
	 * @param topic the prefix of the input, output and dead-letter topics and of the group
	 */
	static ScorerProcess start(String name, String bootstrap, String topic, String... settings) throws IOException {
		Path jar = Path.of(System.getProperty("kafka.scorer.jar", "target/kafka/heart-disease-function-1.0.0-SNAPSHOT.jar"));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx128m", "-jar", jar.toString(), "--heart.kafka.bootstrap-servers=" + bootstrap,
				"--heart.kafka.security-protocol=PLAINTEXT", "--heart.kafka.instance-id=" + name,
				"--heart.kafka.input-topic=" + topic + "-payloads", "--heart.kafka.output-topic=" + topic + "-answers",
				"--heart.kafka.dead-letter-topic=" + topic + "-dead-letters", "--heart.kafka.group=" + topic + "-scorer",
				// A member that died leaves the group after 6 s (the broker's least), not Kafka's default 45 s.
				"--spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms=6000",
				"--spring.cloud.stream.kafka.binder.consumer-properties.heartbeat.interval.ms=1000",
				"--heart.kafka.max-poll-records=100"));
		command.addAll(List.of(settings));
		Path log = jar.resolveSibling("it-" + name + ".log");
		Files.createDirectories(log.getParent());
		return new ScorerProcess(new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start());
	}

	/** Kills the JVM at once (SIGKILL on Linux): no shutdown hook, no transaction finished. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** Stops the JVM as an orchestrator would (SIGTERM): the consumer leaves the group. */
	void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			kill();
		}
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

}
