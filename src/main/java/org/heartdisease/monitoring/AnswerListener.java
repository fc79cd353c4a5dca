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

}
