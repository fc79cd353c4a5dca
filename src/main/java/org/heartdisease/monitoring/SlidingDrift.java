package org.heartdisease.monitoring;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.heartdisease.monitoring.ServedCounts.Snapshot;

/**
 * Drift over the last window of a long-lived process (the local server, the Kafka scorer): the served
 * counts now, less those of a snapshot about one window old. Snapshots are taken when the drift is read
 * (each metrics scrape), at most one per sixtieth of the window, so nothing runs between reads; the
 * window is therefore as fine as the reads are frequent.
 */
public final class SlidingDrift {

	private static final int STEPS = 60;

	private final ServedCounts counts;

	private final long windowNanos;

	private final long stepNanos;

	private final long minAnswers;

	private final LongSupplier clock;

	private final Deque<Taken> snapshots = new ArrayDeque<>();

	/**
	 * @param counts the process's counts, with their bins ({@code bins()} not {@code null})
	 * @param window how far back the drift looks
	 * @param minAnswers below how many answers in the window the index is not computed (NaN)
	 * @param clock nanoseconds, as {@link System#nanoTime()}
	 */
	public SlidingDrift(ServedCounts counts, Duration window, long minAnswers, LongSupplier clock) {
		if (counts.bins() == null) {
			throw new IllegalArgumentException("Drift needs the artifact's training distribution");
		}
		this.counts = counts;
		this.windowNanos = window.toNanos();
		this.stepNanos = Math.max(1, this.windowNanos / STEPS);
		this.minAnswers = minAnswers;
		this.clock = clock;
		long now = clock.getAsLong();
		this.snapshots.add(new Taken(now, counts.snapshot()));
	}

	/** @return each field's index over the last window, and overall; NaN with too few answers */
	public synchronized Drift current() {
		long now = this.clock.getAsLong();
		Snapshot latest = this.counts.snapshot();
		if (now - this.snapshots.getLast().at() >= this.stepNanos) {
			this.snapshots.addLast(new Taken(now, latest));
		}
		// Keep the newest snapshot that is at least a window old as the base; drop those before it.
		while (this.snapshots.size() > 1 && now - first(1).at() >= this.windowNanos) {
			this.snapshots.removeFirst();
		}
		Snapshot window = latest.minus(this.snapshots.getFirst().counts());
		FieldBins bins = this.counts.bins();
		if (window.answers() < this.minAnswers) {
			Map<String, Double> none = new LinkedHashMap<>();
			bins.byField(window.slots()).keySet().forEach((field) -> none.put(field, Double.NaN));
			return new Drift(none, window.answers());
		}
		return bins.drift(bins.byField(window.slots()));
	}

	private Taken first(int index) {
		return this.snapshots.stream().skip(index).findFirst().orElseThrow();
	}

	private record Taken(long at, Snapshot counts) {
	}

}
