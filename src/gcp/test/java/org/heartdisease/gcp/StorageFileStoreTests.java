package org.heartdisease.gcp;

import java.net.ServerSocket;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Cloud Storage client as the deploy directory holds it, its gRPC transport left out (the pom's
 * exclusions): the HTTP client the function builds by default is built and makes a real request, which
 * fails only because nothing answers it, not for a missing class.
 */
class StorageFileStoreTests {

	@Test
	void shouldBuildAndCallTheHttpClientWithoutTheGrpcTransport() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort(); // closed again: a port nothing listens on
		}
		StorageFileStore store = new StorageFileStore(StorageOptions.http()
			.setProjectId("heart-disease")
			.setCredentials(NoCredentials.getInstance())
			.setHost("http://127.0.0.1:" + port)
			.setRetrySettings(StorageOptions.getDefaultRetrySettings().toBuilder().setMaxAttempts(1).build())
			.build()
			.getService());
		assertThatExceptionOfType(StorageException.class).isThrownBy(() -> store.describe("patients", "incoming/a.csv"))
			.withRootCauseInstanceOf(java.net.ConnectException.class);
	}

}
