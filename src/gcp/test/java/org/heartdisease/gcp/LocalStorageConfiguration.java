package org.heartdisease.gcp;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;

import org.springframework.context.annotation.Bean;

/**
 * Google's in-memory Cloud Storage ({@code google-cloud-nio}'s {@link LocalStorageHelper}) as the
 * application's {@link Storage}, added to the function's context by {@code spring.main.sources}; one
 * instance, which the test reads and writes too.
 */
public class LocalStorageConfiguration {

	/** The one in-memory store of the test run. */
	public static final Storage STORAGE = LocalStorageHelper.getOptions().getService();

	@Bean
	Storage storage() {
		return STORAGE;
	}

}
