package org.heartdisease.aws;

import java.io.OutputStream;

import org.heartdisease.monitoring.AnswerListener;
import org.heartdisease.monitoring.FieldBins;
import org.heartdisease.monitoring.Outcome;
import org.heartdisease.monitoring.Recording;

/**
 * The Lambda functions' metrics: one {@link MetricLine} per recorded call on standard output, which
 * CloudWatch Logs turns into metrics (no API call per invocation). Per call: {@code Answers}, then only
 * what is not zero: {@code Answers.<outcome>} (e.g. {@code Answers.clear}, {@code Answers.error}),
 * {@code Latency} in milliseconds for a request (not for a chunk of a file), {@code ImputedFields}, and
 * {@code Bin.<field>.<bin>} for each training bin a value fell in (bin names only, never a value).
 */
final class EmbeddedMetrics implements AnswerListener {

	/** The namespace unless {@code heart.aws.metrics.namespace} names another (the template's alarms read it). */
	static final String NAMESPACE = "HeartDisease";

	private static final Outcome[] OUTCOMES = Outcome.values();

	private final String namespace;

	private final String function;

	private final String version;

	private final OutputStream out;

	/**
	 * @param namespace the CloudWatch namespace
	 * @param function the function's name ({@code AWS_LAMBDA_FUNCTION_NAME})
	 * @param version its version ({@code AWS_LAMBDA_FUNCTION_VERSION})
	 * @param out the function's standard output
	 */
	EmbeddedMetrics(String namespace, String function, String version, OutputStream out) {
		this.namespace = namespace;
		this.function = function;
		this.version = version;
		this.out = out;
	}

	@Override
	public void recorded(Recording recording) {
		line(recording).writeTo(this.out, System.currentTimeMillis());
	}

	MetricLine line(Recording recording) {
		MetricLine line = new MetricLine(this.namespace, this.function, this.version);
		line.count("Answers", recording.answers());
		for (Outcome outcome : OUTCOMES) {
			int count = recording.count(outcome);
			if (count > 0) {
				line.count("Answers." + outcome.label(), count);
			}
		}
		if (recording.timed()) {
			// To the microsecond: a shorter line, and more precision than CloudWatch keeps.
			line.value("Latency", "Milliseconds", Math.round(recording.nanos() / 1e3) / 1e3);
		}
		if (recording.imputedFields() > 0) {
			line.count("ImputedFields", recording.imputedFields());
		}
		FieldBins bins = recording.bins();
		if (bins != null) {
			for (int slot = 0; slot < bins.size(); slot++) {
				int count = recording.slot(slot);
				if (count > 0) {
					line.count(binMetric(bins, slot), count);
				}
			}
		}
		return line;
	}

	/** @return the metric a slot's counts go to, as the drift function reads them back */
	static String binMetric(FieldBins bins, int slot) {
		return "Bin." + bins.field(slot) + "." + bins.bin(slot);
	}

}
