package org.heartdisease.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.model.ModelArtifactJson;
import org.heartdisease.monitoring.meters.ServedMeters;
import org.heartdisease.prediction.Payload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What recording one answer costs the thread that answers: a request's recording started, one diagnosed
 * payload counted (its 13 bins found) and finished, into the process's counts alone (every surface), and
 * with the local server's Micrometer meters beside them (its latency histogram); against a monitor that
 * is off. The target: at most 200 ns an answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordingBenchmark {

	private AnswerMonitor off;

	private AnswerMonitor counts;

	private AnswerMonitor meters;

	private Payload payload;

	@Setup
	public void start() throws IOException {
		HeartDiseaseModel model;
		try (InputStream in = Files.newInputStream(Path.of("model/heart-disease.json"))) {
			model = ModelArtifactJson.read(in, "model/heart-disease.json");
		}
		FieldBins bins = FieldBins.of(model.artifact().trainingDistribution());
		String positive = model.artifact().labels().positive();
		ServedCounts alone = new ServedCounts(bins);
		this.counts = AnswerMonitor.of(bins, positive, List.of(alone));
		ServedCounts withMeters = new ServedCounts(bins);
		ServedMeters served = new ServedMeters(withMeters, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
				Duration.ofHours(1), 100);
		this.meters = AnswerMonitor.of(bins, positive, List.of(withMeters, served));
		this.off = AnswerMonitor.off();
		this.payload = new Payload(63.0, 1.0, 1.0, 145.0, 233.0, 1.0, 2.0, 150.0, 0.0, 2.3, 3.0, 0.0, 6.0);
	}

	private Recording record(AnswerMonitor monitor) {
		Recording recording = monitor.start();
		recording.diagnosed(this.payload, "clear");
		monitor.finish(recording);
		return recording;
	}

	@Benchmark
	public Recording recordingOff() {
		return record(this.off);
	}

	@Benchmark
	public Recording recordIntoCounts() {
		return record(this.counts);
	}

	@Benchmark
	public Recording recordIntoCountsAndMeters() {
		return record(this.meters);
	}

}
