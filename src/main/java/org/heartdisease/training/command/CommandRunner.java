package org.heartdisease.training.command;

import java.io.PrintStream;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * A one-shot command of the application ({@code --train}, {@code --gate}): it writes its report to
 * standard output and a failure as one {@code error: ...} line on standard error, and sets the exit
 * code rather than throwing, so Spring Boot's start-up failure report does not bury the message.
 */
abstract class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

	/** Where the report goes. */
	protected final PrintStream out;

	/** Where progress and the error line go. */
	protected final PrintStream err;

	private int exitCode;

	protected CommandRunner(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/**
	 * @param code the exit code: 2 for bad options, 1 for anything else
	 * @param message the one line that says what went wrong
	 */
	protected void fail(int code, String message) {
		this.exitCode = code;
		this.err.println("error: " + message);
		this.err.flush();
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
