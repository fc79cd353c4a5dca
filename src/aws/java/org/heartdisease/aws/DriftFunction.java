package org.heartdisease.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.heartdisease.monitoring.Drift;
import org.heartdisease.monitoring.FieldBins;

import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code driftLambda}, run on a schedule: sums the predict function's {@code Bin.<field>.<bin>} metrics
 * over the window, computes each field's population stability index against the model's training
 * distribution, and writes {@code Drift} (the largest field's) and {@code Drift.<field>} as one
 * {@link MetricLine} with the predict function's dimensions, which the template's drift alarm watches.
 * A CloudWatch alarm cannot do this itself: its metric math holds at most 10 metrics, PSI needs every
 * bin. With fewer answers than {@code heart.monitoring.drift.min-answers} in the window it writes no
 * index (the alarm treats missing data as not breaching). It answers what it found, as JSON.
 */
class DriftFunction implements Function<InputStream, byte[]> {

	private static final Log logger = LogFactory.getLog(DriftFunction.class);

	private final ObjectProvider<MetricSums> sums;

	private final FieldBins bins;

	private final Settings settings;

	private final ObjectMapper mapper;

	private final OutputStream out;

	private final Clock clock;

	/**
	 * @param namespace where the predict function's metrics are
	 * @param predictVersion the ARN of the predict function's version whose answers are judged (the
	 * template's {@code PredictFunction.Version}), read on the first event only
	 * @param window how far back the bins are summed, a whole number of minutes
	 * @param minAnswers below how many answers no index is written
	 */
	record Settings(String namespace, String predictVersion, Duration window, long minAnswers) {

		Settings {
			// GetMetricData's periods are whole minutes; the window is one period.
			if (window.isNegative() || window.isZero() || window.toSeconds() % 60 != 0 || window.toNanosPart() != 0) {
				throw new IllegalArgumentException("heart.aws.drift.window must be a whole number of minutes, not " + window);
			}
		}

	}

	/** What the function found: the predict version, its answers in the window, the indexes (none when too few). */
	record Found(String function, String version, long answers, Double drift, Map<String, Double> fields) {
	}

	DriftFunction(ObjectProvider<MetricSums> sums, FieldBins bins, Settings settings, ObjectMapper mapper,
			OutputStream out, Clock clock) {
		this.sums = sums;
		this.bins = bins;
		this.settings = settings;
		this.mapper = mapper;
		this.out = out;
		this.clock = clock;
	}

	@Override
	public byte[] apply(InputStream input) {
		try (input) {
			input.readAllBytes(); // the schedule's event says nothing but when
			return this.mapper.writeValueAsBytes(judge());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Found judge() {
		String[] arn = predictVersion();
		String function = arn[6];
		String version = arn[7];
		if (this.bins == null) {
			logger.info("Drift is off: the model artifact records no trainingDistribution");
			return new Found(function, version, 0, null, Map.of());
		}
		List<String> names = new ArrayList<>();
		for (int slot = 0; slot < this.bins.size(); slot++) {
			names.add(EmbeddedMetrics.binMetric(this.bins, slot));
		}
		Instant end = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		long[] counts = this.sums.getObject()
			.sums(this.settings.namespace(), Map.of("Function", function, "Version", version), names,
					end.minus(this.settings.window()), end);
		Drift drift = this.bins.drift(this.bins.byField(counts));
		if (drift.answers() < this.settings.minAnswers() || Double.isNaN(drift.overall())) {
			logger.info(drift.answers() + " answers of " + function + ":" + version + " in " + this.settings.window()
					+ ", fewer than " + this.settings.minAnswers() + ": no drift index written");
			return new Found(function, version, drift.answers(), null, Map.of());
		}
		MetricLine line = new MetricLine(this.settings.namespace(), function, version);
		line.value("Drift", "None", drift.overall());
		Map<String, Double> fields = new LinkedHashMap<>();
		drift.fields().forEach((field, psi) -> {
			if (!psi.isNaN()) {
				line.value("Drift." + field, "None", psi);
				fields.put(field, psi);
			}
		});
		line.writeTo(this.out, end.toEpochMilli());
		return new Found(function, version, drift.answers(), drift.overall(), fields);
	}

	// arn:aws:lambda:REGION:ACCOUNT:function:NAME:VERSION, split on its colons.
	private String[] predictVersion() {
		String arn = this.settings.predictVersion();
		String[] parts = (arn != null) ? arn.split(":") : new String[0];
		if (parts.length != 8 || !"function".equals(parts[5])) {
			throw new IllegalStateException("heart.aws.drift.predict-version (HEART_AWS_DRIFT_PREDICT_VERSION) must be "
					+ "the ARN of a version of the predict function, arn:aws:lambda:REGION:ACCOUNT:function:NAME:VERSION, "
					+ "not " + arn);
		}
		return parts;
	}

}
