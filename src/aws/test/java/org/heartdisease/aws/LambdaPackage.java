package org.heartdisease.aws;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Lambda deployment package that {@code ./mvnw -Paws package} built, named by the failsafe
 * property {@code lambda.package}.
 */
final class LambdaPackage {

	private LambdaPackage() {
	}

	static Path path() {
		String location = System.getProperty("lambda.package");
		if (location == null) {
			throw new IllegalStateException("Run with ./mvnw -Paws verify: the lambda.package property names the zip");
		}
		return Path.of(location);
	}

	/** @return the names of the package's entries, files and folders */
	static List<String> entries() throws IOException {
		try (ZipFile zip = new ZipFile(path().toFile())) {
			return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
		}
	}

	/** Unpacks the package as Lambda does into its task root. */
	static void unpack(Path taskRoot) throws IOException {
		List<String> written = new ArrayList<>();
		try (ZipFile zip = new ZipFile(path().toFile())) {
			for (ZipEntry entry : Collections.list(zip.entries())) {
				Path target = taskRoot.resolve(entry.getName()).normalize();
				if (!target.startsWith(taskRoot)) {
					throw new IOException("Entry outside the task root: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
				}
				else {
					Files.createDirectories(target.getParent());
					try (InputStream in = zip.getInputStream(entry)) {
						Files.copy(in, target);
					}
					written.add(entry.getName());
				}
			}
		}
		if (written.isEmpty()) {
			throw new IOException("The package is empty: " + path());
		}
	}

}
