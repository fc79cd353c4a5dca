package org.heartdisease.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.heartdisease.batch.BatchFiles;
import org.heartdisease.batch.BatchScorer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The score function ({@code scoreLambda}) of the built package under the runtime interface client, as
 * {@link LambdaRuntimeIT} runs the predict function, against a real S3 API server (Adobe's S3Mock, its
 * own process) reached through the SDK's endpoint override: S3 event notifications and the schedule's
 * sweep in, objects and manifests out, checked with a client of the same server.
 */
class S3ScoringIT {

	private static final String BUCKET = "patients";

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	private static final JsonMapper JSON = new JsonMapper();

	private static final BatchScorer SCORER = BatchFiles.scorer(1 << 30);

	private static S3MockServer s3mock;

	private static S3Client s3;

	private static LambdaProcess lambda;

	@BeforeAll
	static void start() throws Exception {
		s3mock = S3MockServer.start(BUCKET);
		s3 = s3mock.client();
		// What the template gives the score function, but the endpoint: the function's role gives keys.
		lambda = LambdaProcess.start(Map.of("SPRING_CLOUD_FUNCTION_DEFINITION", "scoreLambda", "HEART_AWS_S3_ENDPOINT",
				s3mock.endpoint.toString(), "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"));
	}

	@AfterAll
	static void stop() throws Exception {
		try (S3MockServer server = s3mock; LambdaProcess function = lambda) {
			if (s3 != null) {
				s3.close();
			}
		}
	}

	private static void put(String key, byte[] content) {
		s3.putObject((request) -> request.bucket(BUCKET).key(key), RequestBody.fromBytes(content));
	}

	private static byte[] get(String key) {
		return s3.getObjectAsBytes((request) -> request.bucket(BUCKET).key(key)).asByteArray();
	}

	/** @return the outcomes the function answers to an S3 notification of the upload of these keys */
	private static JsonNode uploaded(String... encodedKeys) throws IOException {
		StringBuilder records = new StringBuilder();
		for (String key : encodedKeys) {
			records.append(records.isEmpty() ? "" : ",").append("""
					{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"eu-west-1",\
					"eventName":"ObjectCreated:Put","s3":{"s3SchemaVersion":"1.0","bucket":{"name":"%s",\
					"arn":"arn:aws:s3:::%s"},"object":{"key":"%s","size":1}}}""".formatted(BUCKET, BUCKET, key));
		}
		return invoke("{\"Records\":[" + records + "]}");
	}

	private static JsonNode invoke(String event) throws IOException {
		return JSON.readTree(lambda.invoke(event.getBytes(StandardCharsets.UTF_8), TIMEOUT));
	}

	private static JsonNode manifest(String key) throws IOException {
		return JSON.readTree(get(key));
	}

	@Test
	void shouldScoreAnUploadedFileIntoTheOutputPrefixWithItsManifest() throws Exception {
		put("incoming/three.csv", BatchFiles.CSV.getBytes(StandardCharsets.UTF_8));
		JsonNode outcome = uploaded("incoming/three.csv").get("outcomes").get(0);
		assertThat(outcome.get("status").asText()).isEqualTo("scored");
		// The same scorer as every other caller, byte for byte.
		assertThat(new String(get("scored/three.csv"), StandardCharsets.UTF_8))
			.isEqualTo(BatchFiles.score(SCORER, "incoming/three.csv", BatchFiles.CSV));
		JsonNode manifest = manifest("scored/three.csv.manifest.json");
		assertThat(manifest.get("input").asText()).isEqualTo("incoming/three.csv");
		assertThat(manifest.get("output").asText()).isEqualTo("scored/three.csv");
		assertThat(manifest.get("rowsScored").asLong()).isEqualTo(3);
		assertThat(manifest.get("inputEtag").asText())
			.isEqualTo(s3.headObject((request) -> request.bucket(BUCKET).key("incoming/three.csv")).eTag());
		assertThat(s3.headObject((request) -> request.bucket(BUCKET).key("scored/three.csv")).metadata())
			.containsEntry("scored-by", "heart-disease");
	}

	@Test
	void shouldMarkBadRowsInPlace() throws Exception {
		put("incoming/bad.csv", BatchFiles.BAD_ROWS_CSV.getBytes(StandardCharsets.UTF_8));
		assertThat(uploaded("incoming/bad.csv").get("outcomes").get(0).get("status").asText()).isEqualTo("scored");
		assertThat(new String(get("scored/bad.csv"), StandardCharsets.UTF_8))
			.isEqualTo(BatchFiles.score(SCORER, "incoming/bad.csv", BatchFiles.BAD_ROWS_CSV));
		JsonNode manifest = manifest("scored/bad.csv.manifest.json");
		assertThat(manifest.get("rowsRead").asLong()).isEqualTo(4);
		assertThat(manifest.get("rowsRejected").asLong()).isEqualTo(2);
	}

	@Test
	void shouldRefuseAnObjectThatIsNotCsvWithAManifestAndNoOutput() throws Exception {
		put("incoming/image.csv", BatchFiles.NOT_CSV);
		JsonNode outcome = uploaded("incoming/image.csv").get("outcomes").get(0);
		assertThat(outcome.get("status").asText()).isEqualTo("failed");
		assertThat(outcome.get("reason").asText()).contains("incoming/image.csv", "line 1");
		assertThatThrownBy(() -> get("scored/image.csv")).isInstanceOf(NoSuchKeyException.class);
		// A PNG header is not UTF-8 before it holds a NUL: refused as the wrong encoding, on line 1.
		assertThat(manifest("scored/image.csv.manifest.json").get("errorKind").asText()).isEqualTo("encoding");
		// The multipart upload of the output was aborted, not left to be paid for.
		assertThat(s3.listMultipartUploads((request) -> request.bucket(BUCKET)).uploads()).isEmpty();
	}

	@Test
	void shouldIgnoreItsOwnOutputAndWhatLiesOutsideTheInputPrefix() throws Exception {
		put("incoming/mine.csv", BatchFiles.CSV.getBytes(StandardCharsets.UTF_8));
		uploaded("incoming/mine.csv");
		// The recursion trap: the function's own output announced to it, by a filter that let it through.
		JsonNode outcomes = uploaded("scored/mine.csv", "scored/mine.csv.manifest.json", "elsewhere/mine.csv").get("outcomes");
		assertThat(outcomes.findValuesAsText("status")).containsExactly("ignored", "ignored", "ignored");
		assertThat(outcomes.get(0).get("reason").asText()).isEqualTo("under the output prefix scored/");
		assertThat(keys("scored/scored/")).isEmpty();
		// An output copied back under the input prefix still says who wrote it.
		s3.copyObject((request) -> request.sourceBucket(BUCKET).sourceKey("scored/mine.csv").destinationBucket(BUCKET)
			.destinationKey("incoming/copied.csv"));
		JsonNode copied = uploaded("incoming/copied.csv").get("outcomes").get(0);
		assertThat(copied.get("status").asText()).isEqualTo("ignored");
		assertThat(copied.get("reason").asText()).contains("scored-by");
		assertThat(keys("scored/copied")).isEmpty();
	}

	@Test
	void shouldGiveTheSameBytesWhenAnEventIsRedelivered() throws Exception {
		put("incoming/twice.jsonl", BatchFiles.JSONL.getBytes(StandardCharsets.UTF_8));
		uploaded("incoming/twice.jsonl");
		byte[] first = get("scored/twice.jsonl");
		uploaded("incoming/twice.jsonl");
		assertThat(get("scored/twice.jsonl")).isEqualTo(first);
	}

	@Test
	void shouldDecodeTheKeyAsS3EncodesItInEvents() throws Exception {
		put("incoming/ward 7/é.csv", BatchFiles.CSV.getBytes(StandardCharsets.UTF_8));
		assertThat(uploaded("incoming/ward+7/%C3%A9.csv").get("outcomes").get(0).get("status").asText())
			.isEqualTo("scored");
		assertThat(get("scored/ward 7/é.csv")).isNotEmpty();
	}

	@Test
	void shouldStreamALargeFileThroughAMultipartUpload() throws Exception {
		// 250,000 rows: about 10 MiB in, 16 MiB out, so the output goes up in parts of 8 MiB.
		int rows = 250_000;
		byte[] content;
		try (InputStream in = BatchFiles.generatedCsv(rows)) {
			content = in.readAllBytes();
		}
		put("incoming/large.csv", content);
		JsonNode outcome = uploaded("incoming/large.csv").get("outcomes").get(0);
		assertThat(outcome.get("manifest").get("rowsScored").asLong()).isEqualTo(rows);
		ByteArrayOutputStream expected = new ByteArrayOutputStream();
		SCORER.score(BatchFiles.generatedCsv(rows), "incoming/large.csv", null, expected, BatchScorer.Progress.NONE);
		byte[] scored = get("scored/large.csv");
		assertThat(scored.length).isGreaterThan(S3FileStore.PART_SIZE);
		assertThat(sha256(scored)).isEqualTo(sha256(expected.toByteArray()));
		// More than one part was uploaded: the ETag of a multipart object ends with its part count.
		assertThat(s3.headObject((request) -> request.bucket(BUCKET).key("scored/large.csv")).eTag()).matches(".*-[2-9]\"?");
	}

	@Test
	void shouldSweepOnlyWhatHasNoManifestYet() throws Exception {
		put("incoming/nightly/one.csv", BatchFiles.CSV.getBytes(StandardCharsets.UTF_8));
		put("incoming/nightly/two.data", BatchFiles.UCI.getBytes(StandardCharsets.UTF_8));
		JsonNode first = invoke("{\"sweep\":\"" + BUCKET + "\"}").get("outcomes");
		assertThat(first.findValuesAsText("key")).contains("incoming/nightly/one.csv", "incoming/nightly/two.data");
		assertThat(get("scored/nightly/two.data")).isNotEmpty();
		// Everything has a manifest now, failures included: the next sweep scores nothing (what the guard
		// ignores, such as a copied output, it ignores again).
		assertThat(invoke("{\"sweep\":\"" + BUCKET + "\"}").get("outcomes").findValuesAsText("status"))
			.doesNotContain("scored", "failed");
	}

	@Test
	void shouldAnswerAnEventItDoesNotKnowWithoutFailing() throws Exception {
		JsonNode answer = invoke("{\"hello\":1}");
		assertThat(answer.get("status").asInt()).isEqualTo(400);
		assertThat(answer.get("detail").asText()).contains("Records", "sweep");
	}

	@Test
	void shouldLogNoValueFromTheFiles() throws Exception {
		put("incoming/logged.csv", BatchFiles.BAD_ROWS_CSV.getBytes(StandardCharsets.UTF_8));
		uploaded("incoming/logged.csv");
		assertThat(lambda.log()).contains("Scored {").doesNotContain("ok-1").doesNotContain("bad-2").doesNotContain("abc");
	}

	private static List<String> keys(String prefix) {
		return s3.listObjectsV2((request) -> request.bucket(BUCKET).prefix(prefix)).contents().stream()
			.map(S3Object::key)
			.toList();
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
