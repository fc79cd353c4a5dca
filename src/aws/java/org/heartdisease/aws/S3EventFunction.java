package org.heartdisease.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.batch.StoredFileJobs;
import org.heartdisease.batch.StoredFileJobs.Outcome;

import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code scoreLambda}: maps an S3 {@code ObjectCreated} notification, or the schedule's
 * {@code {"sweep":"BUCKET"}}, onto the shared {@link StoredFileJobs} and answers what became of each
 * object as JSON. Keys arrive URL-encoded in S3 events ({@code +} for a space) and are decoded here.
 * An event that is neither gets a {@code 400} answer rather than an exception: retrying it would not
 * help. A failure of S3 itself is thrown, so Lambda retries the event.
 *
 * <p>No S3 type in sight: the S3 client is created with the jobs, on the first event, so the predict
 * function's start (same package, same context) loads none of it.
 */
class S3EventFunction implements Function<InputStream, byte[]> {

	private final ObjectProvider<StoredFileJobs> jobs;

	private final ObjectMapper mapper;

	S3EventFunction(ObjectProvider<StoredFileJobs> jobs, ObjectMapper mapper) {
		this.jobs = jobs;
		this.mapper = mapper;
	}

	@Override
	public byte[] apply(InputStream input) {
		try (input) {
			JsonNode event = event(input.readAllBytes());
			if (event.path("sweep").isTextual()) {
				return answer(this.jobs.getObject().sweep(event.get("sweep").asText()));
			}
			JsonNode records = event.path("Records");
			if (!records.isArray() || records.isEmpty()) {
				return refusal("expected an S3 event notification (Records) or {\"sweep\":\"BUCKET\"}");
			}
			List<Outcome> outcomes = new ArrayList<>();
			for (JsonNode record : records) {
				if (!"aws:s3".equals(record.path("eventSource").asText())
						|| !record.path("eventName").asText().startsWith("ObjectCreated:")) {
					continue; // another kind of record (a deletion, a test event): nothing to score
				}
				String bucket = record.path("s3").path("bucket").path("name").asText();
				String key = URLDecoder.decode(record.path("s3").path("object").path("key").asText(),
						StandardCharsets.UTF_8);
				outcomes.add(this.jobs.getObject().score(bucket, key));
			}
			return answer(outcomes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private JsonNode event(byte[] bytes) {
		try {
			JsonNode event = this.mapper.readTree(bytes);
			return (event != null) ? event : this.mapper.createObjectNode();
		}
		catch (IOException ex) {
			return this.mapper.createObjectNode(); // not JSON: refused below like any other unknown event
		}
	}

	private byte[] answer(List<Outcome> outcomes) throws IOException {
		return this.mapper.writeValueAsBytes(Map.of("outcomes", outcomes));
	}

	private byte[] refusal(String detail) throws IOException {
		return this.mapper.writeValueAsBytes(Map.of("status", 400, "detail", detail));
	}

}
