package org.heartdisease.gcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.batch.StoredFileJobs;
import org.heartdisease.batch.StoredFileJobs.Outcome;

import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code gcpScore}: maps the event {@link GcpFunction#accept} receives onto the shared
 * {@link StoredFileJobs} and answers what became of each object as JSON (which the function logs):
 * a Cloud Storage object ({@code google.cloud.storage.object.v1.finalized}, its data an object
 * resource with {@code bucket} and {@code name}), or a Pub/Sub message from Cloud Scheduler whose data
 * is {@code {"sweep":"BUCKET"}}. Anything else gets a {@code 400} answer, not an exception: a retry
 * would not help. A failure of Cloud Storage itself is thrown, so the platform may retry the event.
 *
 * <p>No Cloud Storage type in sight: the client is created with the jobs, on the first event.
 */
class StorageEventFunction implements Function<String, String> {

	private final ObjectProvider<StoredFileJobs> jobs;

	private final ObjectMapper mapper;

	StorageEventFunction(ObjectProvider<StoredFileJobs> jobs, ObjectMapper mapper) {
		this.jobs = jobs;
		this.mapper = mapper;
	}

	@Override
	public String apply(String json) {
		try {
			JsonNode event = read(json);
			if (event.path("bucket").isTextual() && event.path("name").isTextual()) {
				return answer(List.of(this.jobs.getObject().score(event.get("bucket").asText(), event.get("name").asText())));
			}
			JsonNode sweep = event.path("data").isTextual() ? read(decode(event.get("data").asText())) : event;
			if (sweep.path("sweep").isTextual()) {
				return answer(this.jobs.getObject().sweep(sweep.get("sweep").asText()));
			}
			return this.mapper.writeValueAsString(Map.of("status", 400, "detail",
					"expected a Cloud Storage object (bucket, name) or a Pub/Sub message {\"sweep\":\"BUCKET\"}"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private JsonNode read(String json) {
		try {
			JsonNode node = this.mapper.readTree(json);
			return (node != null) ? node : this.mapper.createObjectNode();
		}
		catch (IOException ex) {
			return this.mapper.createObjectNode(); // not JSON: refused like any other unknown event
		}
	}

	private static String decode(String base64) {
		try {
			return new String(Base64.getDecoder().decode(base64), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

	private String answer(List<Outcome> outcomes) throws IOException {
		return this.mapper.writeValueAsString(Map.of("outcomes", outcomes));
	}

}
