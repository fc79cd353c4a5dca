package org.heartdisease.monitoring;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The one place every answer is recorded, on every surface: the exchange records each request
 * ({@link #start()}, then {@link #finish}), the batch scorer each chunk of a file's rows
 * ({@link #startUntimed()}). What a platform exports is one {@link AnswerListener} more; the process's
 * own {@link ServedCounts} is always among them.
 */
public final class AnswerMonitor {

	private static final Log logger = LogFactory.getLog(AnswerMonitor.class);

	private static final AnswerMonitor OFF = new AnswerMonitor(null, null, List.of(), false);

	private final FieldBins bins;

	private final String positiveLabel;

	private final AnswerListener[] listeners;

	private final boolean enabled;

	private final boolean detailed;

	private AnswerMonitor(FieldBins bins, String positiveLabel, List<AnswerListener> listeners, boolean enabled) {
		this.bins = bins;
		this.positiveLabel = positiveLabel;
		this.listeners = listeners.toArray(AnswerListener[]::new);
		this.enabled = enabled;
		this.detailed = listeners.stream().anyMatch(AnswerListener::perAnswer);
	}

	/**
	 * @param bins the training bins values are counted in, {@code null} when drift is off
	 * @param positiveLabel the model's label of heart disease
	 * @param listeners what is told of every call, in order
	 * @return a monitor that records
	 */
	public static AnswerMonitor of(FieldBins bins, String positiveLabel, List<AnswerListener> listeners) {
		return new AnswerMonitor(bins, positiveLabel, listeners, true);
	}

	/** @return a monitor that records nothing ({@code heart.monitoring.enabled=false}) */
	public static AnswerMonitor off() {
		return OFF;
	}

	/** @return whether it records */
	public boolean enabled() {
		return this.enabled;
	}

	/** @return a recording of one request, timed from now */
	public Recording start() {
		if (!this.enabled) {
			return Recording.NONE;
		}
		return new Recording(this.bins, this.positiveLabel, true, this.detailed, System.nanoTime());
	}

	/** @return a recording of answers whose duration is no answer's latency (a chunk of a file's rows) */
	public Recording startUntimed() {
		if (!this.enabled) {
			return Recording.NONE;
		}
		return new Recording(this.bins, this.positiveLabel, false, this.detailed, 0);
	}

	/**
	 * Ends a recording and tells every listener. A listener that fails is logged, never the caller's
	 * problem: an answer is not lost to its metrics.
	 * @param recording the call's recording; nothing is told when it has no answers
	 */
	public void finish(Recording recording) {
		if (!this.enabled || recording.answers() == 0) {
			return;
		}
		recording.finish(recording.timed() ? System.nanoTime() : 0);
		for (AnswerListener listener : this.listeners) {
			try {
				listener.recorded(recording);
			}
			catch (RuntimeException ex) {
				logger.warn("A metrics listener failed (" + listener.getClass().getName() + "); the answer stands", ex);
			}
		}
	}

}
