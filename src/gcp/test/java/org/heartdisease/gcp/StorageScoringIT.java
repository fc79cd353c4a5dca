package org.heartdisease.gcp;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import org.heartdisease.batch.BatchFiles;
import org.heartdisease.batch.BatchScorer;
import org.heartdisease.testing.ServerProcesses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The score function through Google's invoker as Cloud Functions runs an event function (signature
 * type {@code cloudevent}): a Cloud Storage {@code google.cloud.storage.object.v1.finalized} CloudEvent,
 * or Cloud Scheduler's Pub/Sub message, posted to it over HTTP as Eventarc delivers it; the invoker hands
 * it to {@link GcpFunction#accept}, and the objects land in Google's in-memory Cloud Storage, which the
 * test reads. The invoker runs in this JVM ({@link InProcessInvoker}) to share that store.
 */
@ExtendWith(OutputCaptureExtension.class)
class StorageScoringIT {

	private static final String BUCKET = "patients";

	private static final JsonMapper JSON = new JsonMapper();

	private static final BatchScorer SCORER = BatchFiles.scorer(1 << 30);

	private static final Storage STORAGE = LocalStorageConfiguration.STORAGE;

	private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static InProcessInvoker invoker;

	private static URI uri;

	@BeforeAll
	static void start() throws Exception {
		System.setProperty("spring.main.sources", LocalStorageConfiguration.class.getName());
		int port = ServerProcesses.freePort();
		invoker = InProcessInvoker.start(port, "cloudevent");
		uri = URI.create("http://127.0.0.1:" + port + "/");
	}

	@AfterAll
	static void stop() throws Exception {
		System.clearProperty("spring.main.sources");
		if (invoker != null) {
			invoker.close();
		}
	}

	private static void put(String key, byte[] content) {
		STORAGE.create(BlobInfo.newBuilder(BlobId.of(BUCKET, key)).build(), content);
	}

	private static byte[] get(String key) {
		Blob blob = STORAGE.get(BlobId.of(BUCKET, key));
		return (blob != null) ? blob.getContent() : null;
	}

	/** Posts a Cloud Storage finalized CloudEvent for the object, in binary mode, as Eventarc does. */
	private static void finalized(String key) throws Exception {
		Blob blob = STORAGE.get(BlobId.of(BUCKET, key));
		String data = JSON.writeValueAsString(Map.of("kind", "storage#object", "bucket", BUCKET, "name", key,
				"generation", String.valueOf((blob != null && blob.getGeneration() != null) ? blob.getGeneration() : 1), "contentType", "text/csv",
				"size", String.valueOf((blob != null) ? blob.getSize() : 0)));
		deliver("google.cloud.storage.object.v1.finalized", "//storage.googleapis.com/projects/_/buckets/" + BUCKET,
				"objects/" + key, data);
	}

	/** Posts Cloud Scheduler's message through Pub/Sub's messagePublished CloudEvent. */
	private static void sweep() throws Exception {
		String message = Base64.getEncoder().encodeToString(("{\"sweep\":\"" + BUCKET + "\"}").getBytes(StandardCharsets.UTF_8));
		deliver("google.cloud.pubsub.topic.v1.messagePublished", "//pubsub.googleapis.com/projects/p/topics/heart-disease-sweep",
				null, "{\"message\":{\"data\":\"" + message + "\",\"messageId\":\"1\"},\"subscription\":\"projects/p/subscriptions/s\"}");
	}

	private static void deliver(String type, String source, String subject, String data) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofMinutes(2))
			.header("Content-Type", "application/json")
			.header("ce-specversion", "1.0")
			.header("ce-id", UUID.randomUUID().toString())
			.header("ce-type", type)
			.header("ce-source", source)
			.header("ce-time", "2026-12-07T05:00:00Z");
		if (subject != null) {
			request.header("ce-subject", subject);
		}
		HttpResponse<String> response = client.send(request.POST(BodyPublishers.ofString(data)).build(),
				BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
	}

	private static JsonNode manifest(String key) throws Exception {
		return JSON.readTree(get(key));
	}

	@Test
	void shouldScoreAnUploadedFileIntoTheOutputPrefixWithItsManifest() throws Exception {
		put("incoming/three.csv", BatchFiles.CSV.getBytes(StandardCharsets.UTF_8));
		finalized("incoming/three.csv");
		assertThat(new String(get("scored/three.csv"), StandardCharsets.UTF_8))
			.isEqualTo(BatchFiles.score(SCORER, "incoming/three.csv", BatchFiles.CSV));
		JsonNode manifest = manifest("scored/three.csv.manifest.json");
		assertThat(manifest.get("rowsScored").asLong()).isEqualTo(3);
		assertThat(manifest.get("output").asText()).isEqualTo("scored/three.csv");
		assertThat(manifest.get("inputEtag").asText()).endsWith("#" + STORAGE.get(BlobId.of(BUCKET, "incoming/three.csv")).getGeneration());
		assertThat(manifest.get("model").get("contentSha256").asText()).isEqualTo(SCORER.model().contentSha256());
		assertThat(STORAGE.get(BlobId.of(BUCKET, "scored/three.csv")).getMetadata()).containsEntry("scored-by",
				"heart-disease");
	}

	@Test
	void shouldMarkBadRowsInPlace() throws Exception {
		put("incoming/bad.csv", BatchFiles.BAD_ROWS_CSV.getBytes(StandardCharsets.UTF_8));
		finalized("incoming/bad.csv");
		assertThat(new String(get("scored/bad.csv"), StandardCharsets.UTF_8))
			.isEqualTo(BatchFiles.score(SCORER, "incoming/bad.csv", BatchFiles.BAD_ROWS_CSV));
		assertThat(manifest("scored/bad.csv.manifest.json").get("rowsRejected").asLong()).isEqualTo(2);
	}

	@Test
	void shouldRefuseAnObjectThatIsNotCsvWithAManifestAndNoOutput() throws Exception {
		put("incoming/image.csv", BatchFiles.NOT_CSV);
		finalized("incoming/image.csv");
		assertThat(STORAGE.get(BlobId.of(BUCKET, "scored/image.csv"))).as("no output, not even an upload begun").isNull();
		JsonNode manifest = manifest("scored/image.csv.manifest.json");
		assertThat(manifest.get("errorKind").asText()).isEqualTo("encoding");
		assertThat(manifest.get("error").asText()).contains("incoming/image.csv", "line 1");
	}

	@Test
	void shouldIgnoreItsOwnOutputAndWhatLiesOutsideTheInputPrefix(CapturedOutput output) throws Exception {
		put("incoming/mine.csv", BatchFiles.CSV.getBytes(StandardCharsets.UTF_8));
		finalized("incoming/mine.csv");
		finalized("scored/mine.csv");
		finalized("elsewhere/mine.csv");
		assertThat(STORAGE.get(BlobId.of(BUCKET, "scored/scored/mine.csv"))).isNull();
		assertThat(output.getAll()).contains("Ignored patients/scored/mine.csv: under the output prefix scored/",
				"Ignored patients/elsewhere/mine.csv: not under the input prefix incoming/");
		// An output copied back under the input prefix still says who wrote it.
		STORAGE.create(BlobInfo.newBuilder(BlobId.of(BUCKET, "incoming/copied.csv"))
			.setMetadata(STORAGE.get(BlobId.of(BUCKET, "scored/mine.csv")).getMetadata())
			.build(), get("scored/mine.csv"));
		finalized("incoming/copied.csv");
		assertThat(output.getAll()).contains("Ignored patients/incoming/copied.csv: written by the scorer");
		assertThat(STORAGE.get(BlobId.of(BUCKET, "scored/copied.csv"))).isNull();
	}

	@Test
	void shouldGiveTheSameBytesWhenAnEventIsRedelivered() throws Exception {
		put("incoming/twice.jsonl", BatchFiles.JSONL.getBytes(StandardCharsets.UTF_8));
		finalized("incoming/twice.jsonl");
		byte[] first = get("scored/twice.jsonl");
		finalized("incoming/twice.jsonl");
		assertThat(get("scored/twice.jsonl")).isEqualTo(first);
	}

	@Test
	void shouldStreamALargeFileInChunks() throws Exception {
		int rows = 250_000;
		byte[] content;
		try (InputStream in = BatchFiles.generatedCsv(rows)) {
			content = in.readAllBytes();
		}
		put("incoming/large.csv", content);
		finalized("incoming/large.csv");
		ByteArrayOutputStream expected = new ByteArrayOutputStream();
		SCORER.score(BatchFiles.generatedCsv(rows), "incoming/large.csv", null, expected, BatchScorer.Progress.NONE);
		byte[] scored = get("scored/large.csv");
		// More than one chunk of the resumable upload.
		assertThat(scored.length).isGreaterThan(StorageFileStore.CHUNK_SIZE);
		assertThat(sha256(scored)).isEqualTo(sha256(expected.toByteArray()));
		assertThat(manifest("scored/large.csv.manifest.json").get("rowsScored").asLong()).isEqualTo(rows);
	}

	@Test
	void shouldSweepOnlyWhatHasNoManifestYet() throws Exception {
		put("incoming/nightly/one.csv", BatchFiles.CSV.getBytes(StandardCharsets.UTF_8));
		put("incoming/nightly/two.data", BatchFiles.UCI.getBytes(StandardCharsets.UTF_8));
		sweep();
		assertThat(get("scored/nightly/one.csv")).isNotNull();
		assertThat(get("scored/nightly/two.data")).isNotNull();
		// Not scored again once it has a manifest: an output deleted since stays deleted.
		STORAGE.delete(BlobId.of(BUCKET, "scored/nightly/one.csv"));
		sweep();
		assertThat(get("scored/nightly/one.csv")).isNull();
	}

	@Test
	void shouldLogNoValueFromTheFiles(CapturedOutput output) throws Exception {
		put("incoming/logged.csv", BatchFiles.BAD_ROWS_CSV.getBytes(StandardCharsets.UTF_8));
		finalized("incoming/logged.csv");
		assertThat(output.getAll()).contains("Scored {").doesNotContain("ok-1").doesNotContain("bad-2").doesNotContain("abc");
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}


}
