package org.heartdisease.aws;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sums of metrics over a time window, as the drift function reads back the bins the predict function
 * wrote. An interface so that nothing of the CloudWatch client is named where the predict function
 * starts ({@link CloudWatchMetricSums} is created on the drift function's first event).
 */
interface MetricSums {

	/**
	 * @param namespace the metrics' namespace
	 * @param dimensions their dimensions, by name
	 * @param names the metrics' names
	 * @param start the window's start, inclusive
	 * @param end its end, exclusive; a whole number of minutes after {@code start}
	 * @return each metric's sum over the window, in the order of {@code names} (0 for one with no data)
	 */
	long[] sums(String namespace, Map<String, String> dimensions, List<String> names, Instant start, Instant end);

}
