package org.heartdisease.training.command;

/**
 * A bad command line, with a message fit to show as the one {@code error:} line: it names the
 * option and what it accepts. The command exits 2.
 */
public class OptionException extends RuntimeException {

	public OptionException(String message) {
		super(message);
	}

}
