package org.heartdisease.monitoring;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.heartdisease.FuzzPayloads;
import org.heartdisease.model.Field;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.prediction.Payload;
import org.heartdisease.training.fit.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Drift as the monitor computes it from its counts, on the Cleveland patients the committed model was
 * trained on: none when they are served again, a major one when every patient is twenty years older,
 * and over a sliding window only what the window holds.
 */
class DriftTests {

	private static final HeartDiseaseModel MODEL = FuzzPayloads.committedModel();

	private static List<Payload> cleveland(double addedYears) {
		return TestData.clevelandDataset().rows().stream().map((row) -> {
			Double[] values = new Double[row.length];
			for (int i = 0; i < row.length; i++) {
				values[i] = Double.isNaN(row[i]) ? null : row[i];
			}
			values[Field.AGE.ordinal()] += addedYears;
			return Payload.of(values);
		}).toList();
	}

	private static void serve(AnswerMonitor monitor, List<Payload> payloads) {
		Recording recording = monitor.startUntimed();
		payloads.forEach((payload) -> recording.diagnosed(payload, "clear"));
		monitor.finish(recording);
	}

	private static ServedCounts counts() {
		return new ServedCounts(FieldBins.of(MODEL.artifact().trainingDistribution()));
	}

	private static AnswerMonitor monitor(ServedCounts counts) {
		return AnswerMonitor.of(counts.bins(), MODEL.artifact().labels().positive(), List.of(counts));
	}

	private static Drift drift(ServedCounts counts) {
		return counts.bins().drift(counts.bins().byField(counts.snapshot().slots()));
	}

	@Test
	void shouldFindNoDriftWhenTheTrainingPatientsAreServed() {
		ServedCounts counts = counts();
		serve(monitor(counts), cleveland(0));
		Drift drift = drift(counts);
		assertThat(drift.fields()).hasSize(13).allSatisfy((field, psi) -> assertThat(psi).as(field).isCloseTo(0, within(1e-9)));
		assertThat(Drift.Thresholds.USUAL.band(drift.overall())).isEqualTo(Drift.Band.STABLE);
	}

	@Test
	void shouldFindAMajorDriftInAgeOnlyWhenEveryPatientIsTwentyYearsOlder() {
		ServedCounts counts = counts();
		serve(monitor(counts), cleveland(20));
		Drift drift = drift(counts);
		assertThat(drift.fields().get("age")).isGreaterThan(0.25);
		assertThat(drift.fields().get("chol")).isCloseTo(0, within(1e-9));
		assertThat(drift.overall()).isEqualTo(drift.fields().get("age"));
		assertThat(Drift.Thresholds.USUAL.band(drift.overall())).isEqualTo(Drift.Band.MAJOR);
	}

	@Test
	void shouldSeeOnlyTheLastWindowOfALongLivedProcess() {
		ServedCounts counts = counts();
		AnswerMonitor monitor = monitor(counts);
		AtomicLong now = new AtomicLong();
		SlidingDrift window = new SlidingDrift(counts, Duration.ofHours(1), 100, now::get);
		assertThat(window.current().overall()).isNaN();
		serve(monitor, cleveland(20));
		now.addAndGet(Duration.ofMinutes(10).toNanos());
		assertThat(Drift.Thresholds.USUAL.band(window.current().overall())).isEqualTo(Drift.Band.MAJOR);
		// An hour on, the older patients have left the window; the window holds only what came since.
		now.addAndGet(Duration.ofMinutes(55).toNanos());
		window.current();
		serve(monitor, cleveland(0));
		now.addAndGet(Duration.ofMinutes(10).toNanos());
		Drift latest = window.current();
		assertThat(latest.answers()).isEqualTo(cleveland(0).size());
		assertThat(latest.overall()).isCloseTo(0, within(1e-9));
		// Under the minimum of answers, no index.
		now.addAndGet(Duration.ofHours(2).toNanos());
		window.current();
		now.addAndGet(Duration.ofHours(2).toNanos());
		assertThat(window.current().overall()).isNaN();
	}

	@Test
	void shouldAcceptOnlyOrderedThresholds() {
		assertThat(new Drift.Thresholds(0.2, 0.3).band(0.25)).isEqualTo(Drift.Band.MODERATE);
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new Drift.Thresholds(0.3, 0.2))
			.withMessageContaining("moderate");
	}

}
