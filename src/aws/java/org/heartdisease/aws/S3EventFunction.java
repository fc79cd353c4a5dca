package org.heartdisease.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.batch.StorageEvents;
import org.heartdisease.batch.StoredFileJobs;
import org.heartdisease.batch.StoredFileJobs.Outcome;

import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code scoreLambda}: maps an S3 {@code ObjectCreated} notification, or the schedule's
 * {@code {"sweep":"BUCKET"}}, onto the shared {@link StoredFileJobs} and answers what became of each
 * object in {@link StorageEvents}' JSON. Keys arrive URL-encoded in S3 events ({@code +} for a space)
 * and are decoded here. An event that is neither gets a {@code 400} answer rather than an exception:
 * retrying it would not help. A failure of S3 itself is thrown, so Lambda retries the event.
 *
 * <p>No S3 type in sight: the S3 client is created with the jobs, on the first event, so the predict
 * function's start (same package, same context) loads none of it.
 */
class S3EventFunction implements Function<InputStream, byte[]> {

	private final ObjectProvider<StoredFileJobs> jobs;

	private final StorageEvents events;

	S3EventFunction(ObjectProvider<StoredFileJobs> jobs, ObjectMapper mapper) {
		this.jobs = jobs;
		this.events = new StorageEvents(mapper);
	}

	@Override
	public byte[] apply(InputStream input) {
		try (input) {
			JsonNode event = this.events.read(input.readAllBytes());
			String sweep = StorageEvents.sweepBucket(event);
			if (sweep != null) {
				return this.events.answer(this.jobs.getObject().sweep(sweep));
			}
			JsonNode records = event.path("Records");
			if (!records.isArray() || records.isEmpty()) {
				return this.events.refusal("an S3 event notification (Records)");
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
			return this.events.answer(outcomes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
