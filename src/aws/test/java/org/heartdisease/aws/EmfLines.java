package org.heartdisease.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded-metric-format lines of a log, each checked against CloudWatch's specification as
 * strictly as CloudWatch Logs would extract it: a JSON object alone on its line; {@code _aws} with a
 * numeric {@code Timestamp} and a non-empty {@code CloudWatchMetrics}; each directive a namespace,
 * dimension sets whose keys are string members of the line (at most 30 a set), at most 100 metrics,
 * each named once with a valid unit and present as a number on the line. And what CloudWatch would make
 * of them: each metric's values summed.
 */
final class EmfLines {

	// CloudWatch's units (MetricDatum.Unit).
	private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
			"Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
			"Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
			"Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
			"None");

	private static final ObjectMapper mapper = new ObjectMapper();

	private final List<JsonNode> lines;

	private EmfLines(List<JsonNode> lines) {
		this.lines = lines;
	}

	/** @return every line of the log that carries {@code "_aws"}, each validated */
	static EmfLines in(String log) {
		List<JsonNode> lines = new ArrayList<>();
		for (String line : log.split("\n", -1)) {
			if (line.contains("\"_aws\"")) {
				lines.add(validate(line));
			}
		}
		return new EmfLines(lines);
	}

	static JsonNode validate(String line) {
		JsonNode root;
		try {
			root = mapper.readTree(line);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("not JSON: " + line, ex);
		}
		assertThat(root.isObject()).as("a JSON object alone on its line: %s", line).isTrue();
		assertThat(line).startsWith("{").endsWith("}");
		JsonNode aws = root.get("_aws");
		assertThat(aws.isObject()).as("_aws").isTrue();
		assertThat(aws.get("Timestamp").isIntegralNumber()).as("_aws.Timestamp, milliseconds").isTrue();
		assertThat(aws.get("Timestamp").longValue()).isGreaterThan(1_600_000_000_000L);
		JsonNode directives = aws.get("CloudWatchMetrics");
		assertThat(directives.isArray() && !directives.isEmpty()).as("CloudWatchMetrics").isTrue();
		Set<String> named = new HashSet<>();
		for (JsonNode directive : directives) {
			assertThat(names(directive)).containsExactlyInAnyOrder("Namespace", "Dimensions", "Metrics");
			assertThat(directive.get("Namespace").textValue()).isNotBlank().hasSizeLessThanOrEqualTo(255);
			assertThat(directive.get("Dimensions").isArray()).isTrue();
			for (JsonNode set : directive.get("Dimensions")) {
				assertThat(set.isArray() && set.size() <= 30).as("a dimension set").isTrue();
				for (JsonNode key : set) {
					assertThat(root.path(key.textValue()).isTextual()).as("dimension %s a string member", key).isTrue();
					assertThat(root.get(key.textValue()).textValue()).isNotEmpty().hasSizeLessThanOrEqualTo(1024);
				}
			}
			JsonNode metrics = directive.get("Metrics");
			assertThat(metrics.isArray()).isTrue();
			assertThat(metrics.size()).as("metrics in a directive").isBetween(1, 100);
			for (JsonNode metric : metrics) {
				assertThat(names(metric)).contains("Name").isSubsetOf("Name", "Unit", "StorageResolution");
				String name = metric.get("Name").textValue();
				assertThat(name).isNotBlank().hasSizeLessThanOrEqualTo(255);
				assertThat(named.add(name)).as("%s named once", name).isTrue();
				assertThat(UNITS).as("unit of %s", name).contains(metric.path("Unit").asText("None"));
				assertThat(root.path(name).isNumber()).as("%s a number on the line", name).isTrue();
				assertThat(Double.isFinite(root.get(name).doubleValue())).isTrue();
			}
		}
		return root;
	}

	/** @return the lines */
	List<JsonNode> lines() {
		return this.lines;
	}

	/** @return each metric's values summed over the lines, by name, as CloudWatch's Sum would give them */
	Map<String, Double> sums() {
		Map<String, Double> sums = new TreeMap<>();
		for (JsonNode line : this.lines) {
			for (JsonNode directive : line.get("_aws").get("CloudWatchMetrics")) {
				for (JsonNode metric : directive.get("Metrics")) {
					String name = metric.get("Name").textValue();
					sums.merge(name, line.get(name).doubleValue(), Double::sum);
				}
			}
		}
		return sums;
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
			names.add(it.next());
		}
		return names;
	}

}
