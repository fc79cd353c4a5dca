package org.heartdisease.aws;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.heartdisease.batch.BatchFiles;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Lambda path of profiles/bench/batch.sh: the score function of the built package under the runtime
 * interface client with {@code -Xmx128m} (and the {@code bench.jvm} property's options), against S3Mock as in {@link S3ScoringIT}, scoring a generated
 * CSV of each size given (its rows cycle through the three of {@link BatchFiles#CSV}). For each size one
 * line {@code RESULT rows millis rowsPerSecond vmHwmMiB}: from the event's delivery to its answer, the
 * output fully uploaded; and the runtime's peak resident memory so far.
 *
 * <p>Run by batch.sh on the aws profile's test classpath: {@code S3ScoringBench 10000 100000 1000000}.
 */
public final class S3ScoringBench {

	private S3ScoringBench() {
	}

	public static void main(String[] args) throws Exception {
		JsonMapper json = new JsonMapper();
		try (S3MockServer s3mock = S3MockServer.start("bench");
				S3Client s3 = s3mock.client();
				LambdaProcess lambda = LambdaProcess.start(Map.of("SPRING_CLOUD_FUNCTION_DEFINITION", "scoreLambda",
						"HEART_AWS_S3_ENDPOINT", s3mock.endpoint.toString(), "AWS_ACCESS_KEY_ID", "bench",
						"AWS_SECRET_ACCESS_KEY", "bench"), jvmOptions())) {
			for (String size : args) {
				long rows = Long.parseLong(size);
				String key = "incoming/rows-" + rows + ".csv";
				long length;
				try (InputStream in = BatchFiles.generatedCsv(rows)) {
					length = in.transferTo(java.io.OutputStream.nullOutputStream());
				}
				s3.putObject((request) -> request.bucket("bench").key(key),
						RequestBody.fromContentProvider(() -> BatchFiles.generatedCsv(rows), length, "text/csv"));
				String event = """
						{"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put",\
						"s3":{"bucket":{"name":"bench"},"object":{"key":"%s"}}}]}""".formatted(key);
				long started = System.nanoTime();
				byte[] answer = lambda.invoke(event.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(10));
				long millis = (System.nanoTime() - started) / 1_000_000;
				JsonNode manifest = json.readTree(answer).path("outcomes").path(0).path("manifest");
				if (manifest.path("rowsScored").asLong() != rows) {
					throw new IllegalStateException("scored " + manifest + " for " + rows + " rows");
				}
				System.out.printf("RESULT %d %d %.0f %.1f%n", rows, millis, rows * 1000.0 / Math.max(millis, 1),
						peakResidentMiB(lambda.pid()));
				s3.deleteObject((request) -> request.bucket("bench").key(key));
			}
		}
	}

	/** -Xmx128m, then the {@code bench.jvm} system property's options, space-separated (later flags win). */
	private static String[] jvmOptions() {
		String extra = System.getProperty("bench.jvm", "").trim();
		return extra.isEmpty() ? new String[] { "-Xmx128m" } : (("-Xmx128m " + extra).split(" +"));
	}

	private static double peakResidentMiB(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
			if (line.startsWith("VmHWM:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
			}
		}
		return Double.NaN;
	}

}
