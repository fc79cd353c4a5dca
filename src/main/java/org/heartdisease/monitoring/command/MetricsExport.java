package org.heartdisease.monitoring.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the served values' counters out of a Prometheus text export ({@code /actuator/prometheus} saved
 * to a file): the lines of {@code heart_field_values_total}, by their {@code field} and {@code bin}
 * labels. Written by hand because only these counter lines matter and the exposition format's line is
 * simple (name, labels, value); the Prometheus client has a writer for the format, not a reader.
 */
final class MetricsExport {

	static final String FIELD_VALUES = "heart_field_values_total";

	private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)(\\s+\\S+)?$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private MetricsExport() {
	}

	/** @return whether a first line starts a Prometheus export rather than a payload file */
	static boolean startsExport(String firstLine) {
		String line = firstLine.strip();
		return line.startsWith("# HELP") || line.startsWith("# TYPE") || line.startsWith("heart_");
	}

	/**
	 * @param reader the export
	 * @param name its name, for messages
	 * @param served where its counts are added, by field and bin
	 * @return how many counter lines were read
	 * @throws IOException when it cannot be read, or a counter line is malformed
	 */
	static long read(BufferedReader reader, String name, Map<String, Map<String, Long>> served) throws IOException {
		String line;
		long number = 0;
		long counters = 0;
		while ((line = reader.readLine()) != null) {
			number++;
			if (!line.startsWith(FIELD_VALUES)) {
				continue;
			}
			Matcher matcher = LINE.matcher(line.strip());
			if (!matcher.matches() || !matcher.group(1).equals(FIELD_VALUES) || matcher.group(3) == null) {
				throw new IOException(name + " line " + number + ": not a " + FIELD_VALUES + " counter line");
			}
			Map<String, String> labels = new LinkedHashMap<>();
			Matcher label = LABEL.matcher(matcher.group(3));
			while (label.find()) {
				labels.put(label.group(1), label.group(2));
			}
			double value;
			try {
				value = Double.parseDouble(matcher.group(4));
			}
			catch (NumberFormatException ex) {
				throw new IOException(name + " line " + number + ": the count " + matcher.group(4) + " is no number");
			}
			if (!labels.containsKey("field") || !labels.containsKey("bin") || !(value >= 0) || value != Math.rint(value)) {
				throw new IOException(name + " line " + number + ": a counter needs field and bin labels and a whole "
						+ "count");
			}
			served.computeIfAbsent(labels.get("field"), (field) -> new LinkedHashMap<>())
				.merge(labels.get("bin"), (long) value, Long::sum);
			counters++;
		}
		return counters;
	}

}
