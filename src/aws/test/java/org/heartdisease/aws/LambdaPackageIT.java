package org.heartdisease.aws;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the built Lambda package holds: the application, the committed model and the AWS-only
 * configuration at the root, the runtime dependencies in {@code lib/}, and nothing of the web stack.
 */
class LambdaPackageIT {

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
	void shouldCarryOnlyWhatTheFunctionRuns() throws IOException {
		List<String> entries = LambdaPackage.entries();
		// spring-web only for adapter-aws's HTTP status enum; no HTTP clients for Boot to configure.
		assertThat(entries).noneMatch((entry) -> entry.startsWith("lib/spring-web-"))
			.contains("org/springframework/http/HttpStatus.class")
			.noneMatch((entry) -> entry.startsWith("org/springframework/web/"))
			.noneMatch((entry) -> entry.startsWith("lib/joda-time-") || entry.startsWith("lib/micrometer-")
					|| entry.startsWith("lib/log4j-") || entry.startsWith("lib/liblinear-"))
			.noneMatch((entry) -> entry.startsWith("lib/spring-boot-autoconfigure-3")
					|| entry.startsWith("lib/spring-context-6"))
			.contains("lib/spring-boot-autoconfigure-lambda.jar", "lib/spring-context-lambda.jar")
			.noneMatch((entry) -> entry.startsWith("META-INF/native-image/"));
		assertThat(jarEntries("lib/spring-boot-autoconfigure-lambda.jar"))
			.contains("org/springframework/boot/autoconfigure/jackson/JacksonAutoConfiguration.class",
					"org/springframework/boot/autoconfigure/condition/ConditionalOnMissingBean.class",
					"META-INF/spring.factories")
			.noneMatch((entry) -> entry.startsWith("org/springframework/boot/autoconfigure/web/"));
		assertThat(jarEntries("lib/spring-context-lambda.jar"))
			.contains("org/springframework/context/annotation/AnnotationConfigApplicationContext.class")
			.noneMatch((entry) -> entry.startsWith("org/springframework/scheduling/"));
	}

	private static List<String> jarEntries(String entry) throws IOException {
		try (ZipFile zip = new ZipFile(LambdaPackage.path().toFile());
				ZipInputStream jar = new ZipInputStream(zip.getInputStream(zip.getEntry(entry)))) {
			List<String> names = new ArrayList<>();
			for (ZipEntry next = jar.getNextEntry(); next != null; next = jar.getNextEntry()) {
				names.add(next.getName());
			}
			return names;
		}
	}

	private static String read(String entry) throws IOException {
		try (ZipFile zip = new ZipFile(LambdaPackage.path().toFile());
				InputStream in = zip.getInputStream(zip.getEntry(entry))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
