package org.heartdisease.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.heartdisease.HeartDiseaseApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application context the benchmarks measure: the serving application as every surface builds
 * it, without a web server, and the example payload as a client sends it.
 */
final class ServingContext {

	private ServingContext() {
	}

	static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(HeartDiseaseApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run("--logging.level.root=WARN");
	}

	/** @return the bytes of {@code src/test/resources/payloads/example.json} (row 1 of the Cleveland file) */
	static byte[] examplePayload() {
		try {
			return Files.readAllBytes(Path.of(System.getProperty("bench.payload", "src/test/resources/payloads/example.json")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
