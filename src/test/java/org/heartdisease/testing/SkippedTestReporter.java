package org.heartdisease.testing;

import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints one line to stdout for every skipped (aborted by an assumption) or disabled test, with its
 * reason, such as a missing data file: otherwise the reason lands only in the surefire XML and a
 * skip is easy to miss on the console. Registered for every test through Jupiter's extension
 * auto-detection (META-INF/services/org.junit.jupiter.api.extension.Extension and
 * junit-platform.properties), because the JUnit Platform launcher API that a
 * {@code TestExecutionListener} needs is not on the test classpath.
 */
public class SkippedTestReporter implements TestWatcher {

	@Override
	public void testAborted(ExtensionContext context, Throwable cause) {
		report(context, (cause != null) ? cause.getMessage() : null);
	}

	@Override
	public void testDisabled(ExtensionContext context, Optional<String> reason) {
		report(context, reason.orElse(null));
	}

	private static void report(ExtensionContext context, String reason) {
		String test = context.getTestClass().map(Class::getSimpleName).orElse("?") + "."
				+ context.getTestMethod().map((method) -> method.getName()).orElse(context.getDisplayName());
		String because = (reason == null || reason.isBlank()) ? "no reason given"
				: reason.replaceFirst("^Assumption failed: ", "");
		System.out.println("skipped: " + test + " — " + because);
		System.out.flush();
	}

}
