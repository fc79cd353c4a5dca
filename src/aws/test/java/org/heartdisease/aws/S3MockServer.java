package org.heartdisease.aws;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.heartdisease.testing.ServerProcesses;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.util.FileSystemUtils;

/**
 * Adobe's S3Mock, a real S3 API server, started from its standalone jar as its own process (the build
 * copies the jar to {@code target/aws/s3mock}) on a free port, with its store in a temporary directory.
 */
final class S3MockServer implements AutoCloseable {

	private final Process process;

	private final Path root;

	final URI endpoint;

	private S3MockServer(Process process, Path root, URI endpoint) {
		this.process = process;
		this.root = root;
		this.endpoint = endpoint;
	}

	/** @param buckets the buckets it starts with */
	static S3MockServer start(String... buckets) throws Exception {
		Path jar = Path.of(System.getProperty("s3mock.jar", "target/aws/s3mock/s3mock.jar"));
		Path root = Files.createTempDirectory("s3mock");
		Path log = root.resolve("s3mock.log");
		int port = ServerProcesses.freePort();
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-jar", jar.toString(), "--server.port=0", "--com.adobe.testing.s3mock.httpPort=" + port,
				"--com.adobe.testing.s3mock.store.root=" + root.resolve("store"),
				"--com.adobe.testing.s3mock.store.initialBuckets=" + String.join(",", buckets))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		URI endpoint = URI.create("http://127.0.0.1:" + port);
		HttpClient client = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("S3Mock exited with " + process.exitValue() + ":\n" + Files.readString(log));
			}
			try {
				HttpRequest probe = HttpRequest.newBuilder(endpoint.resolve("/" + buckets[0]))
					.timeout(Duration.ofSeconds(2))
					.build();
				if (client.send(probe, BodyHandlers.discarding()).statusCode() == 200) {
					return new S3MockServer(process, root, endpoint);
				}
			}
			catch (ConnectException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		process.destroyForcibly();
		throw new IllegalStateException("S3Mock did not answer within 90 s:\n" + Files.readString(log));
	}

	/** @return a client of this server, as the tests' side uses it */
	S3Client client() {
		return S3Client.builder()
			.endpointOverride(this.endpoint)
			.forcePathStyle(true)
			.region(Region.EU_WEST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.build();
	}

	@Override
	public void close() throws Exception {
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
		FileSystemUtils.deleteRecursively(this.root);
	}

}
