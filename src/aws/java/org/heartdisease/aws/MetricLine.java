package org.heartdisease.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * One log line in CloudWatch's embedded metric format: Lambda ships the function's standard output to
 * CloudWatch Logs, which extracts the metrics, so that no metric costs an API call. Every metric of the
 * line has the dimensions {@code Function} and {@code Version}; directives are cut at EMF's limit of
 * {@value #METRICS_PER_DIRECTIVE} metrics.
 */
final class MetricLine {

	/** The most metrics one directive of {@code _aws.CloudWatchMetrics} may name. */
	static final int METRICS_PER_DIRECTIVE = 100;

	private static final JsonFactory JSON = new JsonFactory();

	private final String namespace;

	private final String function;

	private final String version;

	private final List<Metric> metrics = new ArrayList<>();

	/**
	 * @param namespace the CloudWatch namespace
	 * @param function the {@code Function} dimension's value
	 * @param version the {@code Version} dimension's value
	 */
	MetricLine(String namespace, String function, String version) {
		this.namespace = namespace;
		this.function = function;
		this.version = version;
	}

	/** Adds a count. */
	MetricLine count(String name, long value) {
		this.metrics.add(new Metric(name, "Count", value));
		return this;
	}

	/** Adds a value in a CloudWatch unit ({@code Milliseconds}, {@code None}...). */
	MetricLine value(String name, String unit, double value) {
		this.metrics.add(new Metric(name, unit, value));
		return this;
	}

	/** @return how many metrics it holds */
	int size() {
		return this.metrics.size();
	}

	/**
	 * Writes the line and its line break in one write, so that the runtime ships it as one log event.
	 * @param out where the runtime reads the function's log (standard output)
	 * @param timestamp the metrics' time, in milliseconds since the epoch
	 */
	void writeTo(OutputStream out, long timestamp) {
		try {
			ByteArrayOutputStream line = new ByteArrayOutputStream(256 + 40 * this.metrics.size());
			try (JsonGenerator json = JSON.createGenerator(line)) {
				json.writeStartObject();
				json.writeObjectFieldStart("_aws");
				json.writeNumberField("Timestamp", timestamp);
				json.writeArrayFieldStart("CloudWatchMetrics");
				for (int from = 0; from < this.metrics.size(); from += METRICS_PER_DIRECTIVE) {
					json.writeStartObject();
					json.writeStringField("Namespace", this.namespace);
					json.writeArrayFieldStart("Dimensions");
					json.writeStartArray();
					json.writeString("Function");
					json.writeString("Version");
					json.writeEndArray();
					json.writeEndArray();
					json.writeArrayFieldStart("Metrics");
					for (Metric metric : this.metrics.subList(from, Math.min(from + METRICS_PER_DIRECTIVE, this.metrics.size()))) {
						json.writeStartObject();
						json.writeStringField("Name", metric.name);
						json.writeStringField("Unit", metric.unit);
						json.writeEndObject();
					}
					json.writeEndArray();
					json.writeEndObject();
				}
				json.writeEndArray();
				json.writeEndObject();
				json.writeStringField("Function", this.function);
				json.writeStringField("Version", this.version);
				for (Metric metric : this.metrics) {
					json.writeFieldName(metric.name);
					if (metric.value == Math.rint(metric.value) && Math.abs(metric.value) < 1e15) {
						json.writeNumber((long) metric.value);
					}
					else {
						json.writeNumber(metric.value);
					}
				}
				json.writeEndObject();
			}
			line.write('\n');
			synchronized (out) {
				line.writeTo(out);
				out.flush();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Metric(String name, String unit, double value) {
	}

}
