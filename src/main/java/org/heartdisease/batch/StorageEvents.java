package org.heartdisease.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.heartdisease.batch.StoredFileJobs.Outcome;

/**
 * The JSON rules both clouds' storage functions share, so that each surface maps only its own event
 * layout (S3 records, a Cloud Storage object, a Pub/Sub message): the schedules' sweep request, the
 * answer naming what became of each object, and the {@code 400} for an event that is neither.
 */
public final class StorageEvents {

	private final ObjectMapper mapper;

	/** @param mapper the application's JSON mapper */
	public StorageEvents(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/** @return the event's JSON, or an empty object when it is not JSON: refused like any unknown event */
	public JsonNode read(byte[] event) {
		try {
			JsonNode node = this.mapper.readTree(event);
			return (node != null) ? node : this.mapper.createObjectNode();
		}
		catch (IOException ex) {
			return this.mapper.createObjectNode();
		}
	}

	/** @return the bucket the schedules' request {@code {"sweep":"BUCKET"}} names, or {@code null} if it is not one */
	public static String sweepBucket(JsonNode request) {
		return request.path("sweep").isTextual() ? request.get("sweep").asText() : null;
	}

	/** @return what became of each object: {@code {"outcomes":[...]}} */
	public byte[] answer(List<Outcome> outcomes) {
		return write(Map.of("outcomes", outcomes));
	}

	/**
	 * @param upload the upload event the surface expected, in words
	 * @return the answer to an event that is neither that nor a sweep: a {@code 400}, not an exception,
	 * since a retry would not help
	 */
	public byte[] refusal(String upload) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("status", 400);
		problem.put("detail", "expected " + upload + " or a sweep, {\"sweep\":\"BUCKET\"}");
		return write(problem);
	}

	private byte[] write(Object answer) {
		try {
			return this.mapper.writeValueAsBytes(answer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
