package org.heartdisease.monitoring.meters;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.heartdisease.model.Field;
import org.heartdisease.monitoring.AnswerListener;
import org.heartdisease.monitoring.Drift;
import org.heartdisease.monitoring.FieldBins;
import org.heartdisease.monitoring.Outcome;
import org.heartdisease.monitoring.Recording;
import org.heartdisease.monitoring.ServedCounts;
import org.heartdisease.monitoring.SlidingDrift;

/**
 * The answers' meters of a long-lived process (the local server, the Kafka scorer), for Prometheus:
 * <ul>
 * <li>{@code heart_answers_total{outcome}}: answers by diagnosis or problem kind;</li>
 * <li>{@code heart_answer_imputed_total{fields}}: answers by how many fields were imputed;</li>
 * <li>{@code heart_field_values_total{field,bin}}: served values by training bin (never the value);</li>
 * <li>{@code heart_request_seconds}: the latency histogram of requests;</li>
 * <li>{@code heart_drift_psi{field}}: each field's population stability index over the sliding window,
 * and {@code field="overall"}, the largest; NaN with too few answers.</li>
 * </ul>
 * The counters read the process's {@link ServedCounts} when scraped, so that answering costs no meter
 * lookup; only the latency is recorded into Micrometer, as each request ends. Registered when created,
 * not as a {@code MeterBinder}: a binder is bound when the registry is first needed (the local server's
 * first scrape, its context being lazy), and the requests before it would miss the latency histogram.
 */
public final class ServedMeters implements AnswerListener {

	/** The latency buckets: the server answers in well under a millisecond, a slow call takes seconds. */
	static final Duration[] LATENCY_BUCKETS = { Duration.ofNanos(100_000), Duration.ofNanos(250_000),
			Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofNanos(2_500_000), Duration.ofMillis(5),
			Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
			Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5) };

	private final ServedCounts counts;

	private final SlidingDrift window;

	private final LongSupplier clock;

	private final Timer latency;

	private Drift latest;

	private long latestAt;

	/**
	 * @param counts the process's counts
	 * @param registry where the meters are registered
	 * @param window how far back the drift gauges look
	 * @param minAnswers below how many answers in the window they show NaN
	 */
	public ServedMeters(ServedCounts counts, MeterRegistry registry, Duration window, long minAnswers) {
		this(counts, registry, window, minAnswers, System::nanoTime);
	}

	ServedMeters(ServedCounts counts, MeterRegistry registry, Duration window, long minAnswers, LongSupplier clock) {
		this.counts = counts;
		this.clock = clock;
		this.window = (counts.bins() != null) ? new SlidingDrift(counts, window, minAnswers, clock) : null;
		register(registry);
		this.latency = Timer.builder("heart.request")
			.description("Time to answer a request, from the exchange's start to its answer")
			.serviceLevelObjectives(LATENCY_BUCKETS)
			.register(registry);
	}

	private void register(MeterRegistry registry) {
		for (Outcome outcome : Outcome.values()) {
			FunctionCounter.builder("heart.answers", this.counts, (counts) -> counts.outcome(outcome))
				.description("Answers, by diagnosis or by the kind of problem a request got")
				.tag("outcome", outcome.label())
				.register(registry);
		}
		for (int fields = 0; fields <= Field.all().size(); fields++) {
			int imputed = fields;
			FunctionCounter.builder("heart.answer.imputed", this.counts, (counts) -> counts.imputed(imputed))
				.description("Diagnosed answers, by how many of their fields were missing and imputed")
				.tag("fields", String.valueOf(fields))
				.register(registry);
		}
		FieldBins bins = this.counts.bins();
		if (bins != null) {
			for (int slot = 0; slot < bins.size(); slot++) {
				int counted = slot;
				FunctionCounter.builder("heart.field.values", this.counts, (counts) -> counts.slot(counted))
					.description("Served values, by the bin of the training distribution they fell in")
					.tags("field", bins.field(slot), "bin", bins.bin(slot))
					.register(registry);
			}
			for (Field field : Field.all()) {
				Gauge.builder("heart.drift.psi", this, (meters) -> meters.drift().fields().get(field.jsonName()))
					.description("Population stability index against training over the sliding window")
					.tag("field", field.jsonName())
					.register(registry);
			}
			Gauge.builder("heart.drift.psi", this, (meters) -> meters.drift().overall())
				.description("Population stability index against training over the sliding window")
				.tag("field", "overall")
				.register(registry);
		}
	}

	@Override
	public void recorded(Recording recording) {
		if (recording.timed()) {
			this.latency.record(recording.nanos(), TimeUnit.NANOSECONDS);
		}
	}

	// One computation per scrape for the fourteen gauges, not fourteen.
	private synchronized Drift drift() {
		long now = this.clock.getAsLong();
		if (this.latest == null || now - this.latestAt > 1_000_000_000L) {
			this.latest = this.window.current();
			this.latestAt = now;
		}
		return this.latest;
	}

}
