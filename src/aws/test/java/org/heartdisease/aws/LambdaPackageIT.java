package org.heartdisease.aws;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.heartdisease.testing.UnservedArtifacts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the built Lambda package holds: the application, the committed model and the AWS-only
 * configuration at the root, the runtime dependencies in {@code lib/}, and nothing of the web server stack.
 */
class LambdaPackageIT {

	private static final String SPRING_FRAMEWORK = SpringVersion.getVersion();

	private static final String SPRING_BOOT = SpringBootVersion.getVersion();

	@Test
	void shouldBeTheOnlyAwsPackageInTarget() throws IOException {
		try (Stream<Path> files = Files.list(LambdaPackage.path().getParent())) {
			assertThat(files.map((file) -> file.getFileName().toString()).filter((name) -> name.endsWith("-aws.zip")
					|| name.endsWith("-aws.jar"))).containsExactly(LambdaPackage.path().getFileName().toString());
		}
	}

	@Test
	void shouldHoldTheApplicationModelAndConfigurationAtTheRoot() throws IOException {
		assertThat(LambdaPackage.entries()).contains("org/heartdisease/HeartDiseaseApplication.class",
				"org/heartdisease/aws/LambdaEventFunction.class", "org/heartdisease/api/PredictionExchange.class",
				"model/heart-disease.json", "application.properties", "config/application.properties",
				"META-INF/MANIFEST.MF", "lib/spring-cloud-function-adapter-aws-4.3.0.jar",
				"lib/aws-lambda-java-core-1.2.3.jar");
		assertThat(read("META-INF/MANIFEST.MF")).contains("Start-Class: org.heartdisease.HeartDiseaseApplication");
		assertThat(read("config/application.properties")).contains("spring.cloud.function.definition=predictLambda");
	}

	@Test
	void shouldNotContainTheWebStackActuatorOrTheRuntimeClient() throws IOException {
		List<String> entries = LambdaPackage.entries();
		assertThat(entries).filteredOn((entry) -> entry.startsWith("lib/") && !entry.equals("lib/"))
			.isNotEmpty()
			.allMatch((entry) -> entry.endsWith(".jar"))
			.noneMatch((entry) -> entry.startsWith("lib/spring-webmvc-"))
			.noneMatch((entry) -> entry.startsWith("lib/spring-webflux-"))
			.noneMatch((entry) -> entry.contains("tomcat"))
			.noneMatch((entry) -> entry.contains("jetty") || entry.contains("undertow") || entry.contains("netty"))
			.noneMatch((entry) -> entry.contains("jakarta.servlet"))
			.noneMatch((entry) -> entry.contains("actuator"))
			.noneMatch((entry) -> entry.startsWith("lib/spring-cloud-function-web-"))
			.noneMatch((entry) -> entry.startsWith("lib/aws-lambda-java-runtime-interface-client-"));
		assertThat(entries).noneMatch((entry) -> entry.startsWith("org/heartdisease/web/"))
			.noneMatch((entry) -> entry.endsWith("Tests.class") || entry.endsWith("IT.class"))
			.noneMatch((entry) -> entry.startsWith("events/") || entry.startsWith("payloads/"));
	}

	@Test
	void shouldCarryOnlyWhatTheFunctionRunsAsWholeArtifacts() throws IOException {
		List<String> entries = LambdaPackage.entries();
		// Every dependency as its own release's jar: none cut down, no class copied out of one.
		assertThat(entries).contains("lib/spring-web-" + SPRING_FRAMEWORK + ".jar",
				"lib/spring-context-" + SPRING_FRAMEWORK + ".jar", "lib/spring-boot-autoconfigure-" + SPRING_BOOT + ".jar")
			.noneMatch((entry) -> entry.startsWith("org/springframework/http/"))
			.noneMatch((entry) -> entry.endsWith("-lambda.jar"))
			.noneMatch((entry) -> entry.startsWith("META-INF/native-image/"));
		// Nothing of what a function never loads (the pom's unserved.by.functions).
		UnservedArtifacts.assertNoneIn(entries.stream()
			.filter((entry) -> entry.startsWith("lib/") && entry.endsWith(".jar"))
			.map((entry) -> entry.substring("lib/".length()))
			.toList());
	}

	private static String read(String entry) throws IOException {
		try (ZipFile zip = new ZipFile(LambdaPackage.path().toFile());
				InputStream in = zip.getInputStream(zip.getEntry(entry))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
