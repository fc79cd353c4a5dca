package org.heartdisease.monitoring;

import java.util.Arrays;

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
	static final Recording NONE = new Recording(null, null, false, false, 0);

	private static final Field[] ALL_FIELDS = Field.values();

	private static final int FIELDS = ALL_FIELDS.length;

	private final FieldBins bins;

	private final String positiveLabel;

	private final boolean timed;

	private final long started;

	// Counts by outcome and by imputed fields: kept for a file's rows; a request's are its answers' own.
	private final int[] outcomes;

	// Counts per slot: kept as the answers come for a file's rows (thousands of answers, 13 values each),
	// worked out from the answers' own slots on first asking for a request (a few answers): counting a
	// request then touches its 13 slots, not every slot of every field.
	private int[] slots;

	private final int[] imputed;

	private final boolean detailed;

	// When detailed (a request, or a listener asks): each answer's outcome ordinal, imputed fields and slot
	// per field (-1 for none).
	private byte[] answerOutcomes;

	private byte[] answerImputed;

	private int[] answerSlots;

	private int answers;

	private long nanos = -1;

	Recording(FieldBins bins, String positiveLabel, boolean timed, boolean detailed, long started) {
		this.bins = bins;
		this.positiveLabel = positiveLabel;
		this.timed = timed;
		this.detailed = detailed || timed;
		this.started = started;
		if (!this.detailed) {
			this.slots = (bins != null) ? new int[bins.size()] : new int[0];
			this.outcomes = new int[Outcome.all().length];
			this.imputed = new int[FIELDS + 1];
		}
		else {
			this.outcomes = null;
			this.imputed = null;
			this.answerOutcomes = new byte[1];
			this.answerImputed = new byte[1];
			this.answerSlots = new int[FIELDS];
		}
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
		int missing = 0;
		int at = this.answers * FIELDS;
		if (this.detailed) {
			grow();
		}
		for (Field field : ALL_FIELDS) {
			Double value = payload.get(field);
			if (value == null) {
				missing++;
			}
			if (this.bins != null) {
				int slot = this.bins.slotOf(field, value);
				if (this.detailed) {
					this.answerSlots[at + field.ordinal()] = slot;
				}
				else {
					this.slots[slot]++;
				}
			}
			else if (this.detailed) {
				this.answerSlots[at + field.ordinal()] = -1;
			}
		}
		if (!this.detailed) {
			this.imputed[missing]++;
		}
		if (this.detailed) {
			this.answerImputed[this.answers] = (byte) missing;
		}
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
		if (this.detailed) {
			grow();
			Arrays.fill(this.answerSlots, this.answers * FIELDS, (this.answers + 1) * FIELDS, -1);
			this.answerImputed[this.answers] = 0;
		}
		add(Outcome.ofStatus(status));
	}

	private void add(Outcome outcome) {
		if (!this.detailed) {
			this.outcomes[outcome.ordinal()]++;
		}
		if (this.detailed) {
			this.answerOutcomes[this.answers] = (byte) outcome.ordinal();
		}
		this.answers++;
	}

	// Room for one more answer's details.
	private void grow() {
		if (this.answers == this.answerOutcomes.length) {
			int size = this.answers * 2;
			this.answerOutcomes = Arrays.copyOf(this.answerOutcomes, size);
			this.answerImputed = Arrays.copyOf(this.answerImputed, size);
			this.answerSlots = Arrays.copyOf(this.answerSlots, size * FIELDS);
		}
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
		if (this.detailed) {
			int count = 0;
			for (int answer = 0; answer < this.answers; answer++) {
				count += (this.answerOutcomes[answer] == outcome.ordinal()) ? 1 : 0;
			}
			return count;
		}
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
		if (this.detailed) {
			int count = 0;
			for (int answer = 0; answer < this.answers; answer++) {
				boolean diagnosed = Outcome.all()[this.answerOutcomes[answer]].isDiagnosis();
				count += (diagnosed && this.answerImputed[answer] == fields) ? 1 : 0;
			}
			return count;
		}
		return this.imputed[fields];
	}

	/** @return how many fields were imputed over all its answers */
	public int imputedFields() {
		int total = 0;
		for (int fields = 1; fields <= FIELDS; fields++) {
			total += fields * imputed(fields);
		}
		return total;
	}

	/** @return the slots, {@code null} when drift is off (the artifact has no training distribution) */
	public FieldBins bins() {
		return this.bins;
	}

	/** @return how many of its values fell in a slot of {@link #bins()} */
	public int slot(int slot) {
		if (this.slots == null) {
			int[] counts = new int[(this.bins != null) ? this.bins.size() : 0];
			for (int i = 0; i < this.answers * FIELDS; i++) {
				if (this.answerSlots[i] >= 0) {
					counts[this.answerSlots[i]]++;
				}
			}
			this.slots = counts;
		}
		return this.slots[slot];
	}

	/**
	 * @return whether each answer's own outcome and slots are kept: for a request always, and for a file's
	 * rows when a listener writes one entry per answer
	 */
	public boolean detailed() {
		return this.detailed;
	}

	/**
	 * @param answer an answer's index, below {@link #answers()}; only when {@link #detailed()}
	 * @return its outcome
	 */
	public Outcome outcomeOf(int answer) {
		return Outcome.all()[this.answerOutcomes[answer]];
	}

	/** @return how many fields this answer had imputed; only when {@link #detailed()} */
	public int imputedOf(int answer) {
		return this.answerImputed[answer];
	}

	/**
	 * @return the slot of {@link #bins()} this answer's value of the field fell in, {@code -1} for a
	 * refused request or when drift is off; only when {@link #detailed()}
	 */
	public int slotOf(int answer, Field field) {
		return this.answerSlots[answer * FIELDS + field.ordinal()];
	}

}
