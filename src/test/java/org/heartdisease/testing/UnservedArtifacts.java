package org.heartdisease.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one check, run by each deployable's integration test, that its packaged artifact holds nothing of what
 * serving never loads: the pom's list ({@code unserved.everywhere}, or {@code unserved.by.functions} for the
 * cloud functions), handed over as the {@code unserved.groups} system property. A packaged jar is named as in
 * the local repository, so the build's resolved runtime classpath ({@code runtime.classpath}) tells each one's
 * group: many jars carry no {@code pom.properties} that would.
 */
public final class UnservedArtifacts {

	private UnservedArtifacts() {
	}

	/**
	 * @param packagedJars the file names of the jars the deployable packages ({@code lib/}, {@code libs/},
	 * {@code BOOT-INF/lib/})
	 */
	public static void assertNoneIn(Collection<String> packagedJars) throws IOException {
		Set<String> unserved = Arrays.stream(System.getProperty("unserved.groups", "").split(","))
			.map(String::trim)
			.filter((group) -> !group.isEmpty())
			.collect(Collectors.toSet());
		assertThat(unserved).as("the pom's unserved.groups, handed over by failsafe").isNotEmpty();
		Map<String, String> groups = groupsByJar(Path.of(System.getProperty("runtime.classpath")));
		Map<String, String> packaged = new LinkedHashMap<>();
		for (String jar : packagedJars) {
			assertThat(groups).as("a packaged jar the build resolved").containsKey(jar);
			packaged.put(jar, groups.get(jar));
		}
		assertThat(packaged).as("packaged jars by group").isNotEmpty()
			.allSatisfy((jar, group) -> assertThat(unserved).as(jar + " is of a group serving never loads")
				.doesNotContain(group));
	}

	/**
	 * @return the file names of the jars an executable Spring Boot jar nests in {@code BOOT-INF/lib/}, but
	 * the plugin's own {@code spring-boot-jarmode-tools} (no dependency: it runs only as
	 * {@code java -Djarmode=tools}, which profiles/local/cds.sh uses to extract the jar)
	 */
	public static List<String> bootJarLibraries(Path jar) throws IOException {
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
			return zip.stream()
				.map(java.util.zip.ZipEntry::getName)
				.filter((name) -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
				.filter((name) -> !name.startsWith("BOOT-INF/lib/spring-boot-jarmode-tools-"))
				.map((name) -> name.substring("BOOT-INF/lib/".length()))
				.toList();
		}
	}

	/** @return each jar's file name on the classpath and its group, read off its path in the local repository */
	static Map<String, String> groupsByJar(Path classpathFile) throws IOException {
		Map<String, String> groups = new HashMap<>();
		for (String entry : Files.readString(classpathFile).trim().split(java.io.File.pathSeparator)) {
			// .../repository/<group as folders>/<artifact>/<version>/<file>.jar
			List<String> parts = Arrays.asList(Path.of(entry).toString().split("/"));
			int repository = parts.lastIndexOf("repository");
			if (repository >= 0 && parts.size() - repository > 4) {
				String group = String.join(".", parts.subList(repository + 1, parts.size() - 3));
				groups.put(parts.get(parts.size() - 1), group);
			}
		}
		return groups;
	}

}
