package org.heartdisease.kafka;

import java.io.IOException;
import java.nio.file.Path;

import org.heartdisease.testing.UnservedArtifacts;
import org.junit.jupiter.api.Test;

/**
 * The packaged scorer jar ({@code kafka.scorer.jar}, set by failsafe) holds nothing of what serving never loads
 * (the pom's {@code unserved.everywhere}).
 */
class ScorerJarIT {

	@Test
	void shouldPackageNothingServingNeverLoads() throws IOException {
		UnservedArtifacts.assertNoneIn(UnservedArtifacts.bootJarLibraries(Path.of(System.getProperty("kafka.scorer.jar"))));
	}

}
