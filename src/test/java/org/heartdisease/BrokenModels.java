package org.heartdisease;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Starts a surface the way its platform does, on a truncated artifact, and checks that start-up
 * fails with the message naming it: no surface serves without a valid model.
 */
public final class BrokenModels {

	private BrokenModels() {
	}

	/**
	 * @param directory where to write the broken artifact
	 * @param start what the platform does to start the function (it reads {@code heart.model.location}
	 * from the system properties, as from any Spring environment)
	 * @throws IOException if the artifact cannot be written
	 */
	public static void assertStartRefusesATruncatedModel(Path directory, ThrowingCallable start) throws IOException {
		Path broken = Files.writeString(directory.resolve("model.json"), "{\"format\": \"heart-disease-logistic");
		String previous = System.setProperty("heart.model.location", "file:" + broken);
		try {
			Throwable failure = catchThrowable(start);
			assertThat(failure).as("start-up failure").isNotNull();
			assertThat(messages(failure)).contains("Model artifact file:" + broken + " is not a valid artifact");
		}
		finally {
			if (previous == null) {
				System.clearProperty("heart.model.location");
			}
			else {
				System.setProperty("heart.model.location", previous);
			}
		}
	}

	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

}
