package org.heartdisease.gcp;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.heartdisease.model.Field;
import org.heartdisease.model.ModelArtifactJson;
import org.heartdisease.model.TrainingDistribution;
import org.heartdisease.monitoring.Drift;
import org.heartdisease.monitoring.Outcome;

/**
 * What {@code deploy.sh --monitoring} creates, as the files gcloud reads: the log-based metrics over
 * {@link CloudLoggingEntries}' entries ({@code --config-from-file}) and the alerting policies on them
 * ({@code --policy-from-file}). The drift policy's PromQL is the population stability index of
 * {@link TrainingDistribution#psi}, worked out per field from the summed bin counters against the
 * artifact's training shares, so that the alert and the Java index agree.
 */
final class MonitoringPlan {

	/** Every answer, labelled {@code outcome}. */
	static final String ANSWERS = "heart_answers";

	/** Each call's latency in milliseconds, from its first answer. */
	static final String LATENCY = "heart_latency";

	/** One counter per field ({@code heart_bin_age}, …), labelled {@code bin}: a metric has 10 labels at most. */
	static final String BIN_PREFIX = "heart_bin_";

	/** The latency buckets' bounds, in milliseconds. */
	static final List<Double> LATENCY_BOUNDS = List.of(5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0, 1000.0, 2500.0,
			5000.0, 10000.0, 30000.0);

	/** The share an empty bin counts as, as {@link TrainingDistribution#psi} counts it (the tests hold them equal). */
	static final double EMPTY_SHARE = 1e-4;

	/** Below this many diagnoses in the window the drift alert stays quiet, as heart.monitoring.drift.min-answers. */
	static final int MIN_ANSWERS = 100;

	/** The share of 5xx answers over 5 minutes that alerts. */
	static final double ERROR_RATE = 0.05;

	/** The 99th percentile latency, in milliseconds, that alerts when held for 5 minutes. */
	static final double P99_LATENCY_MS = 1000;

	// The entries CloudLoggingEntries writes: Cloud Run's parsed stdout entries that carry an outcome.
	private static final String ENTRIES = "resource.type=\"cloud_run_revision\" AND log_id(\"run.googleapis.com/stdout\")"
			+ " AND jsonPayload." + CloudLoggingEntries.OUTCOME + ":*";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private MonitoringPlan() {
	}

	/** @return a log-based metric's name in PromQL */
	static String promql(String metric) {
		return "logging_googleapis_com:user_" + metric;
	}

	/** @return every log-based metric's configuration, by name */
	static Map<String, ObjectNode> metrics() {
		Map<String, ObjectNode> metrics = new LinkedHashMap<>();
		metrics.put(ANSWERS, counter(ANSWERS, "Heart-disease answers by outcome", ENTRIES, CloudLoggingEntries.OUTCOME,
				"jsonPayload." + CloudLoggingEntries.OUTCOME));
		ObjectNode latency = metric(LATENCY, "Heart-disease call latency (ms), each call once",
				ENTRIES + " AND jsonPayload." + CloudLoggingEntries.LATENCY_MS + ":*", "DISTRIBUTION", "ms");
		latency.put("valueExtractor", "EXTRACT(jsonPayload." + CloudLoggingEntries.LATENCY_MS + ")");
		ArrayNode bounds = latency.putObject("bucketOptions").putObject("explicitBuckets").putArray("bounds");
		LATENCY_BOUNDS.forEach(bounds::add);
		metrics.put(LATENCY, latency);
		for (Field field : Field.all()) {
			String path = "jsonPayload." + CloudLoggingEntries.BINS + "." + field.jsonName();
			String name = BIN_PREFIX + field.jsonName();
			metrics.put(name, counter(name, "Heart-disease diagnoses by training bin of " + field.jsonName(),
					ENTRIES + " AND " + path + ":*", "bin", path));
		}
		return metrics;
	}

	private static ObjectNode counter(String name, String description, String filter, String label, String path) {
		ObjectNode metric = metric(name, description, filter, "INT64", "1");
		metric.withArray("/metricDescriptor/labels").addObject().put("key", label).put("valueType", "STRING");
		metric.putObject("labelExtractors").put(label, "EXTRACT(" + path + ")");
		return metric;
	}

	private static ObjectNode metric(String name, String description, String filter, String valueType, String unit) {
		ObjectNode metric = NODES.objectNode().put("name", name).put("description", description).put("filter", filter);
		metric.putObject("metricDescriptor").put("metricKind", "DELTA").put("valueType", valueType).put("unit", unit);
		return metric;
	}

	/**
	 * @param field a field's JSON name
	 * @param training its training distribution
	 * @param window the PromQL range the served counts are summed over ({@code 1d})
	 * @return the field's population stability index over the window: each bin's term
	 * (a − e)·ln(a / e), a bin served nothing counted {@value #EMPTY_SHARE}, as {@link TrainingDistribution#psi};
	 * no value while nothing was served
	 */
	static String fieldDrift(String field, TrainingDistribution.FieldDistribution training, String window) {
		String metric = promql(BIN_PREFIX + field);
		Map<String, Long> expected = training.expected();
		double total = expected.values().stream().mapToLong(Long::longValue).sum();
		String served = "scalar(sum(increase(" + metric + "[" + window + "])))";
		StringJoiner terms = new StringJoiner(" + ");
		expected.forEach((bin, count) -> {
			String e = number(Math.max(count / total, EMPTY_SHARE));
			String a = "clamp_min((sum(increase(" + metric + "{bin=\"" + bin + "\"}[" + window + "])) or vector(0)) / "
					+ served + ", " + number(EMPTY_SHARE) + ")";
			terms.add("(" + a + " - " + e + ") * ln(" + a + " / " + e + ")");
		});
		return terms.toString();
	}

	// Plain decimals (0.0001, not Java's 1.0E-4), every digit of the double kept.
	private static String number(double value) {
		return BigDecimal.valueOf(value).toPlainString();
	}

	/**
	 * @return the drift condition: one series per field whose index reaches the major threshold, labelled
	 * {@code field}, once the window holds {@value #MIN_ANSWERS} diagnoses
	 */
	static String driftQuery(TrainingDistribution distribution, String window) {
		StringJoiner fields = new StringJoiner(" or ");
		for (Field field : Field.all()) {
			fields.add("label_replace(" + fieldDrift(field.jsonName(), distribution.fields().get(field.jsonName()), window)
					+ ", \"field\", \"" + field.jsonName() + "\", \"\", \"\")");
		}
		String diagnoses = "sum(increase(" + promql(ANSWERS) + "{outcome=~\"" + Outcome.HEART_DISEASE.label() + "|"
				+ Outcome.CLEAR.label() + "\"}[" + window + "]))";
		return "(" + fields + ") > " + Drift.Thresholds.USUAL.major() + " and on() (" + diagnoses + " >= " + MIN_ANSWERS
				+ ")";
	}

	/**
	 * @param distribution the served artifact's training distribution
	 * @param window the drift's window ({@code 1d} at most: a PromQL policy's range is 24 hours at most)
	 * @param channel a notification channel's resource name, {@code null} for none (incidents show in the
	 * console only)
	 * @return the alerting policies, by file name
	 */
	static Map<String, ObjectNode> policies(TrainingDistribution distribution, String window, String channel) {
		String answers = promql(ANSWERS);
		Map<String, ObjectNode> policies = new LinkedHashMap<>();
		policies.put("heart-errors", policy(channel, "heart-disease: 5xx answers",
				"More than " + (int) (ERROR_RATE * 100) + "% of answers over 5 minutes were 5xx (outcome error).",
				"sum(rate(" + answers + "{outcome=\"" + Outcome.ERROR.label() + "\"}[5m])) / sum(rate(" + answers
						+ "[5m])) > " + ERROR_RATE, "0s", "60s"));
		policies.put("heart-latency", policy(channel, "heart-disease: p99 latency",
				"The 99th percentile call latency was above " + (int) P99_LATENCY_MS + " ms for 5 minutes.",
				"histogram_quantile(0.99, sum by (le) (rate(" + promql(LATENCY) + "_bucket[5m]))) > " + P99_LATENCY_MS,
				"300s", "60s"));
		policies.put("heart-drift", policy(channel, "heart-disease: drift",
				"A field's population stability index over " + window + " reached " + Drift.Thresholds.USUAL.major()
						+ " against the model's training distribution (label field names it): the model is answering"
						+ " patients unlike those it learnt from.",
				driftQuery(distribution, window), "0s", "3600s"));
		return policies;
	}

	private static ObjectNode policy(String channel, String name, String documentation, String query, String duration,
			String evaluationInterval) {
		ObjectNode policy = NODES.objectNode().put("displayName", name).put("combiner", "OR");
		policy.putObject("documentation").put("content", documentation).put("mimeType", "text/markdown");
		policy.putArray("conditions").addObject().put("displayName", name)
			.putObject("conditionPrometheusQueryLanguage")
			.put("query", query)
			.put("duration", duration)
			.put("evaluationInterval", evaluationInterval);
		if (channel != null && !channel.isBlank()) {
			policy.putArray("notificationChannels").add(channel);
		}
		return policy;
	}

	/**
	 * Writes {@code metrics/NAME.json} and {@code policies/NAME.json} into a directory, for deploy.sh.
	 * @param args the model artifact, the directory, the drift window, and optionally a notification channel
	 */
	public static void main(String[] args) throws IOException {
		if (args.length < 3 || args.length > 4) {
			System.err.println("Usage: MonitoringPlan ARTIFACT DIRECTORY WINDOW [NOTIFICATION_CHANNEL]");
			System.exit(2);
		}
		TrainingDistribution distribution;
		try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
			distribution = ModelArtifactJson.read(in, args[0]).artifact().trainingDistribution();
		}
		if (distribution == null) {
			System.err.println(args[0] + " records no trainingDistribution: retrain it with --train to alert on drift");
			System.exit(1);
		}
		Path directory = Path.of(args[1]);
		write(directory.resolve("metrics"), metrics());
		write(directory.resolve("policies"), policies(distribution, args[2], (args.length == 4) ? args[3] : null));
	}

	private static void write(Path directory, Map<String, ObjectNode> files) throws IOException {
		Files.createDirectories(directory);
		JsonMapper json = new JsonMapper();
		for (Map.Entry<String, ObjectNode> file : files.entrySet()) {
			Files.write(directory.resolve(file.getKey() + ".json"), json.writeValueAsBytes(file.getValue()));
		}
	}

}
