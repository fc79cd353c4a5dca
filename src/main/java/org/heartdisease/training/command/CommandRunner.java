package org.heartdisease.training.command;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.function.Function;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * A one-shot command of the application ({@code --train}, {@code --gate}, {@code --score}): it writes its report to
 * standard output and a failure as one {@code error: ...} line on standard error, and sets the exit
 * code rather than throwing, so Spring Boot's start-up failure report does not bury the message.
 */
public abstract class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

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
	 * @param arguments the command line
	 * @param parse binds and checks the command's options
	 * @return the options, or {@code null} when there is nothing to run: {@code --help} was given
	 * ({@code HelpRunner} answers it), or an option is bad, which has set exit code 2 and printed the
	 * error line naming it
	 */
	protected <T> T options(ApplicationArguments arguments, Function<String[], T> parse) {
		if (arguments.containsOption("help")) {
			return null;
		}
		try {
			return parse.apply(arguments.getSourceArgs());
		}
		catch (OptionException ex) {
			fail(2, ex.getMessage() + " (see --help)");
			return null;
		}
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

	/**
	 * @param in the JVM's standard input
	 * @return it, read through a stream whose {@code close} leaves it open: it is the JVM's, not the command's
	 */
	protected static InputStream keptOpen(InputStream in) {
		return new FilterInputStream(in) {
			@Override
			public void close() {
				// Standard input stays open.
			}
		};
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
