package org.heartdisease.gcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.batch.StorageEvents;
import org.heartdisease.batch.StoredFileJobs;

import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code gcpScore}: maps the event {@link GcpFunction#accept} receives onto the shared
 * {@link StoredFileJobs} and answers what became of each object in {@link StorageEvents}' JSON (which
 * the function logs): a Cloud Storage object ({@code google.cloud.storage.object.v1.finalized}, its data an object
 * resource with {@code bucket} and {@code name}), or a Pub/Sub message from Cloud Scheduler whose data
 * is {@code {"sweep":"BUCKET"}}. Anything else gets a {@code 400} answer, not an exception: a retry
 * would not help. A failure of Cloud Storage itself is thrown, so the platform may retry the event.
 *
 * <p>No Cloud Storage type in sight: the client is created with the jobs, on the first event.
 */
class StorageEventFunction implements Function<String, String> {

	private final ObjectProvider<StoredFileJobs> jobs;

	private final StorageEvents events;

	StorageEventFunction(ObjectProvider<StoredFileJobs> jobs, ObjectMapper mapper) {
		this.jobs = jobs;
		this.events = new StorageEvents(mapper);
	}

	@Override
	public String apply(String json) {
		JsonNode event = this.events.read(json.getBytes(StandardCharsets.UTF_8));
		byte[] answer;
		try {
			if (event.path("bucket").isTextual() && event.path("name").isTextual()) {
				answer = this.events.answer(List.of(this.jobs.getObject().score(event.get("bucket").asText(),
						event.get("name").asText())));
			}
			else {
				// Cloud Scheduler's sweep arrives as a Pub/Sub message, its request base64 in data.
				String sweep = StorageEvents.sweepBucket(event.path("data").isTextual()
						? this.events.read(decode(event.get("data").asText())) : event);
				answer = (sweep != null) ? this.events.answer(this.jobs.getObject().sweep(sweep))
						: this.events.refusal("a Cloud Storage object (bucket, name)");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new String(answer, StandardCharsets.UTF_8);
	}

	private static byte[] decode(String base64) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

}
