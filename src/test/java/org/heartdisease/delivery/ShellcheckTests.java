package org.heartdisease.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shell script of the project passes shellcheck (installed by .ci/run; skipped with a message
 * when absent).
 */
class ShellcheckTests {

	@Test
	void shouldFindNothingInAnyScript() throws Exception {
		List<String> command = new ArrayList<>(List.of("shellcheck", "--external-sources"));
		try (Stream<Path> files = Files.walk(Path.of("profiles"))) {
			files.filter((path) -> path.toString().endsWith(".sh")).map(Path::toString).sorted().forEach(command::add);
		}
		command.add(".ci/run");
		assertThat(command).contains("profiles/ci/lib.sh", "profiles/gcp/deploy.sh", "profiles/test-all.sh");
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			Assumptions.abort("skipped: shellcheck is not installed (apt-get install shellcheck; .ci/run does)");
			return;
		}
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(output).isZero();
	}

}
