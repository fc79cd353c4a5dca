package org.heartdisease.gcp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.heartdisease.FuzzPayloads;
import org.heartdisease.model.Field;
import org.heartdisease.model.TrainingDistribution;
import org.heartdisease.monitoring.FieldBins;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The log-based metrics and alerting policies deploy.sh creates, and above all the drift policy's
 * PromQL: evaluated by a small evaluator of the few PromQL forms it uses, on served counts per bin,
 * it gives the index {@link FieldBins#drift} gives on the same counts, field by field.
 */
class MonitoringPlanTests {

	private static final TrainingDistribution TRAINING = FuzzPayloads.committedModel().artifact().trainingDistribution();

	private static final FieldBins BINS = FieldBins.of(TRAINING);

	@Test
	void shouldComputeEachFieldsDriftAsTheJavaIndexDoes() {
		Random random = new Random(24);
		for (int trial = 0; trial < 50; trial++) {
			Map<String, Map<String, Long>> served = new LinkedHashMap<>();
			for (Field field : Field.all()) {
				Map<String, Long> counts = new LinkedHashMap<>();
				// Some bins served nothing (no series at all), some a lot: the floor and the sums both matter.
				for (String bin : TRAINING.fields().get(field.jsonName()).expected().keySet()) {
					if (random.nextInt(3) > 0) {
						counts.put(bin, (long) random.nextInt(trial * 40 + 1) + 1);
					}
				}
				served.put(field.jsonName(), counts);
			}
			Map<String, Double> java = BINS.drift(served).fields();
			for (Field field : Field.all()) {
				String name = field.jsonName();
				String query = MonitoringPlan.fieldDrift(name, TRAINING.fields().get(name), "1d");
				Double promql = new PromQl(query, MonitoringPlan.promql(MonitoringPlan.BIN_PREFIX + name), served.get(name))
					.evaluate();
				if (served.get(name).isEmpty()) {
					assertThat(java.get(name)).isNaN();
					assertThat(promql).as(name).isNaN();
				}
				else {
					assertThat(promql).as(name + " " + served.get(name)).isCloseTo(java.get(name), within(1e-12));
				}
			}
		}
	}

	@Test
	void shouldFindNoDriftWhenServedLikeTraining() {
		Map<String, Long> training = TRAINING.fields().get("chol").expected();
		Map<String, Long> served = new HashMap<>(training);
		served.remove("out-of-range");
		served.remove("missing");
		Double psi = new PromQl(MonitoringPlan.fieldDrift("chol", TRAINING.fields().get("chol"), "1d"),
				MonitoringPlan.promql("heart_bin_chol"), served).evaluate();
		assertThat(psi).isCloseTo(0, within(1e-9));
		// Everyone in the top bin: far past the major threshold.
		assertThat(new PromQl(MonitoringPlan.fieldDrift("chol", TRAINING.fields().get("chol"), "1d"),
				MonitoringPlan.promql("heart_bin_chol"), Map.of("9", 500L)).evaluate()).isGreaterThan(0.25);
	}

	@Test
	void shouldAlertPerFieldAtTheMajorThresholdOnceEnoughDiagnosesAreCounted() {
		String query = MonitoringPlan.driftQuery(TRAINING, "1d");
		for (Field field : Field.all()) {
			assertThat(query).containsOnlyOnce(", \"field\", \"" + field.jsonName() + "\", \"\", \"\")")
				.contains("logging_googleapis_com:user_heart_bin_" + field.jsonName() + "{bin=\"missing\"}[1d]");
		}
		assertThat(query).endsWith(") > 0.25 and on() (sum(increase(logging_googleapis_com:user_heart_answers"
				+ "{outcome=~\"heart-disease|clear\"}[1d])) >= 100)");
		System.out.printf("The drift query: %d characters%n", query.length());
	}

	@Test
	void shouldCountAnswersLatencyAndOneBinCounterPerFieldFromTheEntriesFields() {
		Map<String, ObjectNode> metrics = MonitoringPlan.metrics();
		assertThat(metrics).hasSize(2 + Field.all().size()).containsKeys("heart_answers", "heart_latency", "heart_bin_age",
				"heart_bin_thal");
		String entries = "resource.type=\"cloud_run_revision\" AND log_id(\"run.googleapis.com/stdout\") AND jsonPayload.outcome:*";
		assertThat(metrics.get("heart_answers").get("filter").asText()).isEqualTo(entries);
		assertThat(metrics.get("heart_answers").at("/labelExtractors/outcome").asText())
			.isEqualTo("EXTRACT(jsonPayload.outcome)");
		JsonNode latency = metrics.get("heart_latency");
		assertThat(latency.get("filter").asText()).isEqualTo(entries + " AND jsonPayload.latencyMs:*");
		assertThat(latency.at("/metricDescriptor/valueType").asText()).isEqualTo("DISTRIBUTION");
		assertThat(latency.get("valueExtractor").asText()).isEqualTo("EXTRACT(jsonPayload.latencyMs)");
		assertThat(latency.at("/bucketOptions/explicitBuckets/bounds")).hasSize(MonitoringPlan.LATENCY_BOUNDS.size());
		JsonNode chol = metrics.get("heart_bin_chol");
		assertThat(chol.get("filter").asText()).isEqualTo(entries + " AND jsonPayload.bins.chol:*");
		assertThat(chol.at("/labelExtractors/bin").asText()).isEqualTo("EXTRACT(jsonPayload.bins.chol)");
		metrics.values().forEach((metric) -> {
			assertThat(metric.at("/metricDescriptor/metricKind").asText()).isEqualTo("DELTA");
			assertThat(metric.at("/metricDescriptor/labels").size()).isLessThanOrEqualTo(10);
		});
	}

	@Test
	void shouldNotifyNobodyUnlessGivenAChannel() {
		Map<String, ObjectNode> quiet = MonitoringPlan.policies(TRAINING, "1d", null);
		assertThat(quiet).containsOnlyKeys("heart-errors", "heart-latency", "heart-drift");
		quiet.values().forEach((policy) -> assertThat(policy.has("notificationChannels")).isFalse());
		assertThat(quiet.get("heart-errors").at("/conditions/0/conditionPrometheusQueryLanguage/query").asText())
			.isEqualTo("sum(rate(logging_googleapis_com:user_heart_answers{outcome=\"error\"}[5m]))"
					+ " / sum(rate(logging_googleapis_com:user_heart_answers[5m])) > 0.05");
		assertThat(quiet.get("heart-latency").at("/conditions/0/conditionPrometheusQueryLanguage/query").asText())
			.isEqualTo("histogram_quantile(0.99, sum by (le) (rate(logging_googleapis_com:user_heart_latency_bucket[5m])))"
					+ " > 1000.0");
		Map<String, ObjectNode> told = MonitoringPlan.policies(TRAINING, "1d", "projects/p/notificationChannels/42");
		told.values().forEach((policy) -> assertThat(policy.get("notificationChannels").get(0).asText())
			.isEqualTo("projects/p/notificationChannels/42"));
	}

	/**
	 * The PromQL forms {@link MonitoringPlan#fieldDrift} writes, over one metric's counts per bin label:
	 * {@code sum(increase(M{bin="b"}[w]))} and {@code sum(increase(M[w]))} (no value when no series),
	 * {@code or vector(0)}, {@code scalar} (NaN for no value), {@code clamp_min}, {@code ln}, and
	 * {@code + - * /} with PromQL's precedence. A value is a one-element vector or none ({@code null}).
	 */
	static final class PromQl {

		private static final Pattern TOKEN = Pattern
			.compile("\\G\\s*(\\d+(?:\\.\\d+)?|[A-Za-z_:][A-Za-z0-9_:]*|\"[^\"]*\"|\\[[^\\]]*\\]|[-+*/(),{}=])");

		private final Iterator<String> tokens;

		private final String metric;

		private final Map<String, Long> counts;

		private String token;

		PromQl(String query, String metric, Map<String, Long> counts) {
			List<String> all = new ArrayList<>();
			Matcher matcher = TOKEN.matcher(query);
			int end = 0;
			while (matcher.find()) {
				all.add(matcher.group(1));
				end = matcher.end();
			}
			assertThat(query.substring(end)).as("unparsed PromQL").isBlank();
			this.tokens = all.iterator();
			this.metric = metric;
			this.counts = counts;
			next();
		}

		Double evaluate() {
			Double value = or();
			assertThat(this.token).as("unread PromQL").isNull();
			return value;
		}

		private void next() {
			this.token = this.tokens.hasNext() ? this.tokens.next() : null;
		}

		private void expect(String expected) {
			assertThat(this.token).isEqualTo(expected);
			next();
		}

		private Double or() {
			Double left = additive();
			while ("or".equals(this.token)) {
				next();
				Double right = additive();
				left = (left != null) ? left : right;
			}
			return left;
		}

		private Double additive() {
			Double left = multiplicative();
			while ("+".equals(this.token) || "-".equals(this.token)) {
				boolean plus = this.token.equals("+");
				next();
				Double right = multiplicative();
				left = (left == null || right == null) ? null : plus ? left + right : left - right;
			}
			return left;
		}

		private Double multiplicative() {
			Double left = primary();
			while ("*".equals(this.token) || "/".equals(this.token)) {
				boolean times = this.token.equals("*");
				next();
				Double right = primary();
				left = (left == null || right == null) ? null : times ? left * right : left / right;
			}
			return left;
		}

		private Double primary() {
			String at = this.token;
			next();
			if (at.equals("(")) {
				Double value = or();
				expect(")");
				return value;
			}
			if (Character.isDigit(at.charAt(0))) {
				return Double.parseDouble(at);
			}
			expect("(");
			Double value = switch (at) {
				case "increase" -> increase();
				case "sum", "ln", "scalar", "vector" -> or();
				case "clamp_min" -> {
					Double x = or();
					expect(",");
					double min = or();
					yield (x == null) ? null : Math.max(x, min);
				}
				default -> throw new AssertionError("PromQL function not evaluated here: " + at);
			};
			expect(")");
			return switch (at) {
				case "ln" -> (value == null) ? null : Math.log(value);
				case "scalar" -> (value == null) ? Double.NaN : value;
				default -> value;
			};
		}

		// increase(M{bin="b"}[w]) or increase(M[w]): the bin's count, or all bins' sum; none without a series.
		private Double increase() {
			assertThat(this.token).isEqualTo(this.metric);
			next();
			String bin = null;
			if ("{".equals(this.token)) {
				next();
				expect("bin");
				expect("=");
				bin = this.token.substring(1, this.token.length() - 1);
				next();
				expect("}");
			}
			assertThat(this.token).isEqualTo("[1d]");
			next();
			if (bin != null) {
				Long count = this.counts.get(bin);
				return (count != null) ? count.doubleValue() : null;
			}
			return this.counts.isEmpty() ? null : this.counts.values().stream().mapToDouble(Long::doubleValue).sum();
		}

	}

}
