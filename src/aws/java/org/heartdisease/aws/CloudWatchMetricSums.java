package org.heartdisease.aws;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * {@link MetricSums} from CloudWatch's {@code GetMetricData}: one query per metric (statistic
 * {@code Sum}, one period the length of the window), at most {@value #QUERIES_PER_CALL} per call, pages
 * followed, every datapoint a query returns added up.
 */
final class CloudWatchMetricSums implements MetricSums {

	/** GetMetricData's limit of queries per call. */
	static final int QUERIES_PER_CALL = 500;

	private final CloudWatchClient cloudWatch;

	CloudWatchMetricSums(CloudWatchClient cloudWatch) {
		this.cloudWatch = cloudWatch;
	}

	/**
	 * @param endpoint the CloudWatch API's address, or {@code null} for the region's
	 * @return sums over a client with the default credentials and region (on Lambda, the function's)
	 */
	static MetricSums create(String endpoint) {
		CloudWatchClientBuilder builder = CloudWatchClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
		if (endpoint != null && !endpoint.isBlank()) {
			builder.endpointOverride(URI.create(endpoint));
		}
		return new CloudWatchMetricSums(builder.build());
	}

	@Override
	public long[] sums(String namespace, Map<String, String> dimensions, List<String> names, Instant start, Instant end) {
		int period = Math.toIntExact(Duration.between(start, end).toSeconds());
		List<Dimension> metricDimensions = dimensions.entrySet()
			.stream()
			.map((dimension) -> Dimension.builder().name(dimension.getKey()).value(dimension.getValue()).build())
			.toList();
		long[] sums = new long[names.size()];
		for (int from = 0; from < names.size(); from += QUERIES_PER_CALL) {
			List<MetricDataQuery> queries = new ArrayList<>();
			for (int i = from; i < Math.min(from + QUERIES_PER_CALL, names.size()); i++) {
				String name = names.get(i);
				queries.add(MetricDataQuery.builder()
					.id("m" + i)
					.metricStat((stat) -> stat.period(period)
						.stat("Sum")
						.metric((metric) -> metric.namespace(namespace).metricName(name).dimensions(metricDimensions)))
					.build());
			}
			GetMetricDataRequest request = GetMetricDataRequest.builder()
				.metricDataQueries(queries)
				.startTime(start)
				.endTime(end)
				.build();
			for (MetricDataResult result : this.cloudWatch.getMetricDataPaginator(request).metricDataResults()) {
				int index = Integer.parseInt(result.id().substring(1));
				for (Double value : result.values()) {
					sums[index] += Math.round(value);
				}
			}
		}
		return sums;
	}

}
