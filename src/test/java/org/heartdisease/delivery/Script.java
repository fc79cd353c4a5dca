package org.heartdisease.delivery;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a delivery script under bash from the project root and captures what it prints.
 *
 * @param exitCode the script's exit code
 * @param out its standard output
 * @param err its standard error
 */
record Script(int exitCode, String out, String err) {

	static Script run(String script, String... arguments) {
		return run(script, Map.of(), null, arguments);
	}

	/**
	 * @param script the script, relative to the project root
	 * @param environment variables to set
	 * @param extraPath a directory put first on the PATH (for stub commands), or {@code null}
	 * @param arguments its arguments
	 * @return what it did
	 */
	static Script run(String script, Map<String, String> environment, Path extraPath, String... arguments) {
		List<String> command = new ArrayList<>(List.of("bash", script));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command);
		// The machine's own settings must not leak into the commands the scripts print.
		for (String name : List.of("CLOUDSDK_FUNCTIONS_REGION", "AWS_REGION", "GITHUB_OUTPUT", "GITHUB_SHA")) {
			builder.environment().remove(name);
		}
		builder.environment().putAll(environment);
		if (extraPath != null) {
			builder.environment().put("PATH", extraPath + File.pathSeparator + System.getenv("PATH"));
		}
		try {
			Process process = builder.start();
			CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
			String out = read(process.getInputStream());
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(script + " did not finish within 60 s");
			}
			return new Script(process.exitValue(), out, err.join());
		}
		catch (IOException ex) {
			throw new AssertionError("cannot run " + script, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private static String read(java.io.InputStream in) {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** @return the printed lines that are commands, not {@code #} notes */
	List<String> commands() {
		return this.out.lines().filter((line) -> !line.startsWith("#") && !line.isBlank()).toList();
	}

	@Override
	public String toString() {
		return "exit " + this.exitCode + "\nstdout:\n" + this.out + "\nstderr:\n" + this.err;
	}

}
