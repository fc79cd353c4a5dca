package org.heartdisease.monitoring;

import java.util.concurrent.atomic.LongAdder;

import org.heartdisease.model.Field;

/**
 * Every answer this process gave, counted since it started: by outcome, by imputed fields and by
 * training bin. {@link LongAdder}s, so that many answering threads count without contending; read as
 * a {@link Snapshot}, from which drift and the exported counters are computed.
 */
public final class ServedCounts implements AnswerListener {

	private final FieldBins bins;

	private final LongAdder[] outcomes = adders(Outcome.all().length);

	private final LongAdder[] imputed = adders(Field.all().size() + 1);

	private final LongAdder[] slots;

	private static final Field[] FIELDS = Field.values();

	/** @param bins the slots answers are counted in, {@code null} when drift is off */
	public ServedCounts(FieldBins bins) {
		this.bins = bins;
		this.slots = adders((bins != null) ? bins.size() : 0);
	}

	private static LongAdder[] adders(int size) {
		LongAdder[] adders = new LongAdder[size];
		for (int i = 0; i < size; i++) {
			adders[i] = new LongAdder();
		}
		return adders;
	}

	@Override
	public void recorded(Recording recording) {
		boolean binned = recording.bins() == this.bins;
		if (recording.detailed()) {
			// A request's few answers, each with its own outcome, imputed fields and 13 slots.
			for (int answer = 0; answer < recording.answers(); answer++) {
				this.outcomes[recording.outcomeOf(answer).ordinal()].increment();
				if (recording.outcomeOf(answer).isDiagnosis()) {
					this.imputed[recording.imputedOf(answer)].increment();
				}
				for (int field = 0; binned && field < FIELDS.length; field++) {
					int slot = recording.slotOf(answer, FIELDS[field]);
					if (slot >= 0) {
						this.slots[slot].increment();
					}
				}
			}
			return;
		}
		for (Outcome outcome : Outcome.all()) {
			int count = recording.count(outcome);
			if (count > 0) {
				this.outcomes[outcome.ordinal()].add(count);
			}
		}
		for (int fields = 0; fields < this.imputed.length; fields++) {
			int count = recording.imputed(fields);
			if (count > 0) {
				this.imputed[fields].add(count);
			}
		}
		if (binned) {
			for (int slot = 0; slot < this.slots.length; slot++) {
				int count = recording.slot(slot);
				if (count > 0) {
					this.slots[slot].add(count);
				}
			}
		}
		// Latency is not counted here: each platform's listener exports it its own way.
	}

	/** @return the slots counted in, {@code null} when drift is off */
	public FieldBins bins() {
		return this.bins;
	}

	/** @return the answers with this outcome so far */
	public long outcome(Outcome outcome) {
		return this.outcomes[outcome.ordinal()].sum();
	}

	/** @return the answers with this many imputed fields so far */
	public long imputed(int fields) {
		return this.imputed[fields].sum();
	}

	/** @return the values counted in this slot so far */
	public long slot(int slot) {
		return this.slots[slot].sum();
	}

	/** @return the counts so far, each read once (not an atomic view: answers may land while it is read) */
	public Snapshot snapshot() {
		long[] slotCounts = new long[this.slots.length];
		for (int slot = 0; slot < slotCounts.length; slot++) {
			slotCounts[slot] = this.slots[slot].sum();
		}
		long answers = 0;
		for (LongAdder outcome : this.outcomes) {
			answers += outcome.sum();
		}
		return new Snapshot(answers, slotCounts);
	}

	/**
	 * @param answers every answer so far
	 * @param slots the values counted per slot so far
	 */
	public record Snapshot(long answers, long[] slots) {

		/** @return the counts between an earlier snapshot and this one */
		public Snapshot minus(Snapshot earlier) {
			long[] difference = new long[this.slots.length];
			for (int slot = 0; slot < difference.length; slot++) {
				difference[slot] = this.slots[slot] - earlier.slots[slot];
			}
			return new Snapshot(this.answers - earlier.answers, difference);
		}

	}

}
