package org.heartdisease.monitoring;

/**
 * What exports a platform's metrics: told of every recorded call once it is answered, on the answering
 * thread, so it must be quick and must not block (it counts, or writes one log line).
 */
@FunctionalInterface
public interface AnswerListener {

	/**
	 * @param recording the call's answers; read it now, it is not to be kept
	 */
	void recorded(Recording recording);

	/**
	 * @return whether it needs each answer's own outcome and bins ({@link Recording#outcomeOf}), as a
	 * listener that writes one log entry per answer does; they cost a little more to keep
	 */
	default boolean perAnswer() {
		return false;
	}

}
