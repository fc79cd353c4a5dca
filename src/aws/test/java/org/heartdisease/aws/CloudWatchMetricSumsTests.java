package org.heartdisease.aws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real SDK client of {@link CloudWatchMetricSums} against a local HTTP endpoint that stands in for
 * CloudWatch, which cannot run here: it decodes GetMetricData as the SDK sends it (Smithy RPC v2 CBOR)
 * and answers each query with values of its own, a page at a time. What it checks is the mapping only
 * (queries, dimensions, one period the window's length, pages, the 500-query limit), not CloudWatch.
 */
class CloudWatchMetricSumsTests {

	private static final ObjectMapper CBOR = new CBORMapper();

	private HttpServer server;

	private final List<JsonNode> requests = new ArrayList<>();

	private CloudWatchMetricSums sums;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
		CloudWatchClient client = CloudWatchClient.builder()
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.endpointOverride(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()))
			.region(Region.EU_WEST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build();
		this.sums = new CloudWatchMetricSums(client);
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	// Each query m<i> gets the values i and 1 (two datapoints); the first page of a call holds half its
	// results and a NextToken, the second the rest.
	private void answer(HttpExchange exchange) throws IOException {
		JsonNode request = CBOR.readTree(exchange.getRequestBody());
		synchronized (this.requests) {
			this.requests.add(request);
		}
		assertThat(exchange.getRequestURI().getPath())
			.isEqualTo("/service/GraniteServiceVersion20100801/operation/GetMetricData");
		JsonNode queries = request.get("MetricDataQueries");
		boolean second = request.has("NextToken");
		ObjectNode response = CBOR.createObjectNode();
		ArrayNode results = response.putArray("MetricDataResults");
		int half = queries.size() / 2;
		for (int q = second ? half : 0; q < (second ? queries.size() : half); q++) {
			String id = queries.get(q).get("Id").textValue();
			ObjectNode result = results.addObject().put("Id", id).put("StatusCode", "Complete");
			result.putArray("Values").add(Double.parseDouble(id.substring(1))).add(1.0);
		}
		if (!second) {
			response.put("NextToken", "page-2");
		}
		byte[] body = CBOR.writeValueAsBytes(response);
		exchange.getResponseHeaders().add("Content-Type", "application/cbor");
		exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	@Test
	void shouldSumEachMetricOverTheWindowInCallsOfAtMost500QueriesFollowingPages() {
		List<String> names = IntStream.range(0, 600).mapToObj((i) -> "Bin.f." + i).toList();
		Instant start = Instant.parse("2026-12-06T10:00:00Z");
		Instant end = Instant.parse("2026-12-07T10:00:00Z");
		long[] sums = this.sums.sums("HeartDisease", Map.of("Function", "heart-disease-predict", "Version", "7"), names,
				start, end);
		assertThat(sums).hasSize(600);
		for (int i = 0; i < 600; i++) {
			assertThat(sums[i]).as(names.get(i)).isEqualTo(i + 1);
		}
		// Two calls (500 and 100 queries), each of two pages.
		assertThat(this.requests).hasSize(4);
		assertThat(this.requests).extracting((request) -> request.get("MetricDataQueries").size())
			.containsExactly(500, 500, 100, 100);
		assertThat(this.requests.get(1).get("NextToken").textValue()).isEqualTo("page-2");
		JsonNode first = this.requests.get(0);
		assertThat(first.get("StartTime").asDouble()).isEqualTo(start.getEpochSecond());
		assertThat(first.get("EndTime").asDouble()).isEqualTo(end.getEpochSecond());
		JsonNode query = this.requests.get(2).get("MetricDataQueries").get(99);
		assertThat(query.get("Id").textValue()).isEqualTo("m599");
		JsonNode stat = query.get("MetricStat");
		assertThat(stat.get("Period").intValue()).isEqualTo(86_400);
		assertThat(stat.get("Stat").textValue()).isEqualTo("Sum");
		assertThat(stat.get("Metric").get("Namespace").textValue()).isEqualTo("HeartDisease");
		assertThat(stat.get("Metric").get("MetricName").textValue()).isEqualTo("Bin.f.599");
		Map<String, String> dimensions = new java.util.TreeMap<>();
		stat.get("Metric").get("Dimensions")
			.forEach((dimension) -> dimensions.put(dimension.get("Name").textValue(), dimension.get("Value").textValue()));
		assertThat(dimensions).containsExactly(Map.entry("Function", "heart-disease-predict"), Map.entry("Version", "7"));
	}

}
