package org.heartdisease.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged scorer jar ({@code kafka.scorer.jar}, set by failsafe) run as a child JVM of the JVM
 * that runs the tests, on a 128 MiB heap, its output in {@code target/kafka/it-<name>.log}.
 */
final class ScorerProcess implements AutoCloseable {

	private final Process process;

	private final Path log;

	private final long logged;

	private ScorerProcess(Process process, Path log, long logged) {
		this.process = process;
		this.log = log;
		this.logged = logged;
	}

	/**
	 * @param name the instance's name: its log file and its {@code heart.kafka.instance-id}
	 * @param bootstrap the brokers
	 * @param topic the prefix of the input, output and dead-letter topics and of the group
	 * @param settings further {@code --name=value} settings, each replacing the default of its name
	 */
	static ScorerProcess start(String name, String bootstrap, String topic, String... settings) throws IOException {
		Path jar = Path.of(System.getProperty("kafka.scorer.jar", "target/kafka/heart-disease-function-1.0.0-SNAPSHOT.jar"));
		Map<String, String> options = new LinkedHashMap<>();
		options.put("heart.kafka.bootstrap-servers", bootstrap);
		options.put("heart.kafka.instance-id", name);
		options.put("heart.kafka.input-topic", topic + "-payloads");
		options.put("heart.kafka.output-topic", topic + "-answers");
		options.put("heart.kafka.dead-letter-topic", topic + "-dead-letters");
		options.put("heart.kafka.group", topic + "-scorer");
		// A member that died leaves the group after 6 s (the broker's least), not Kafka's default 45 s.
		options.put("spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms", "6000");
		options.put("spring.cloud.stream.kafka.binder.consumer-properties.heartbeat.interval.ms", "1000");
		options.put("heart.kafka.max-poll-records", "100");
		// A setting given twice would reach Spring as both values, comma-joined: a test's replaces the default.
		for (String setting : settings) {
			int equals = setting.indexOf('=');
			options.put(setting.substring(2, equals), setting.substring(equals + 1));
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx128m", "-jar", jar.toString(), "--heart.kafka.metrics-port=0"));
		options.forEach((option, value) -> command.add("--" + option + "=" + value));
		Path log = jar.resolveSibling("it-" + name + ".log");
		Files.createDirectories(log.getParent());
		long logged = Files.exists(log) ? Files.size(log) : 0;
		return new ScorerProcess(new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start(), log, logged);
	}

	/** @return what this process has written to its standard output and error so far */
	String log() throws IOException {
		byte[] all = Files.readAllBytes(this.log);
		return new String(all, (int) this.logged, all.length - (int) this.logged, StandardCharsets.UTF_8);
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
