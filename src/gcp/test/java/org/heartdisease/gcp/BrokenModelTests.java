package org.heartdisease.gcp;

import java.nio.file.Path;

import org.heartdisease.BrokenModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * On Cloud Functions too, a model that cannot be served stops the function's initialisation with the one clear
 * message (the invoker cannot start it) instead of serving without a model.
 */
class BrokenModelTests {

	@Test
	void shouldFailInitialisationNamingTheBrokenArtifact(@TempDir Path directory) throws Exception {
		BrokenModels.assertStartRefusesATruncatedModel(directory, GcpFunction::new);
	}

}
