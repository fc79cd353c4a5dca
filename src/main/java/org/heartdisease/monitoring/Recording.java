package org.heartdisease.monitoring;

import org.heartdisease.model.Field;
import org.heartdisease.prediction.Payload;

/**
 * The answers of one call (one request, one record, or a chunk of a file's rows), counted as the call
 * is answered and handed to every {@link AnswerListener} when it ends: each answer's outcome, its
 * imputed fields, and the training bin of each of its values. No value is kept, only which bin it fell
 * in. Used by one thread at a time.
 */
public final class Recording {

	/** What a monitor that records nothing hands out: it counts nothing, so one serves every thread. */
	static final Recording NONE = new Recording(null, null, false, 0);

	private final FieldBins bins;

	private final String positiveLabel;

	private final boolean timed;

	private final long started;

	private final int[] outcomes = new int[Outcome.all().length];

	private final int[] slots;

	private final int[] imputed = new int[Field.all().size() + 1];

	private int answers;

	private long nanos = -1;

	Recording(FieldBins bins, String positiveLabel, boolean timed, long started) {
		this.bins = bins;
		this.positiveLabel = positiveLabel;
		this.timed = timed;
		this.started = started;
		this.slots = (bins != null) ? new int[bins.size()] : new int[0];
	}

	/**
	 * Counts one diagnosed payload.
	 * @param payload the payload
	 * @param diagnosis its diagnosis's label
	 */
	public void diagnosed(Payload payload, String diagnosis) {
		if (this == NONE) {
			return;
		}
		int missing;
		if (this.bins != null) {
			missing = this.bins.count(payload, this.slots);
		}
		else {
			missing = 0;
			for (Field field : Field.all()) {
				missing += (payload.get(field) == null) ? 1 : 0;
			}
		}
		this.imputed[missing]++;
		add(Outcome.ofDiagnosis(this.positiveLabel.equals(diagnosis)));
	}

	/**
	 * Counts one refused request, or one refused row.
	 * @param status its problem's HTTP status
	 */
	public void rejected(int status) {
		if (this == NONE) {
			return;
		}
		add(Outcome.ofStatus(status));
	}

	private void add(Outcome outcome) {
		this.outcomes[outcome.ordinal()]++;
		this.answers++;
	}

	void finish(long now) {
		this.nanos = now - this.started;
	}

	/** @return how many answers the call had */
	public int answers() {
		return this.answers;
	}

	/** @return how many of its answers had this outcome */
	public int count(Outcome outcome) {
		return this.outcomes[outcome.ordinal()];
	}

	/** @return whether the call's duration is an answer's latency (a request), not a share of a file's scoring */
	public boolean timed() {
		return this.timed;
	}

	/** @return how long the call took, in nanoseconds */
	public long nanos() {
		return this.nanos;
	}

	/** @return how many of its answers had this many imputed fields */
	public int imputed(int fields) {
		return this.imputed[fields];
	}

	/** @return how many fields were imputed over all its answers */
	public int imputedFields() {
		int total = 0;
		for (int fields = 1; fields < this.imputed.length; fields++) {
			total += fields * this.imputed[fields];
		}
		return total;
	}

	/** @return the slots, {@code null} when drift is off (the artifact has no training distribution) */
	public FieldBins bins() {
		return this.bins;
	}

	/** @return how many of its values fell in a slot of {@link #bins()} */
	public int slot(int slot) {
		return this.slots[slot];
	}

}
