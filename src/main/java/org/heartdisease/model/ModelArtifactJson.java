package org.heartdisease.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes model artifacts as JSON, strictly: unknown or duplicate properties, missing
 * numbers and trailing content are errors, never defaults. Every artifact ends with the SHA-256 of
 * the rest of its content, checked on load, so a corrupted or hand-edited artifact is refused; it
 * proves integrity, not origin (pin {@code heart.model.sha256} for that).
 */
public final class ModelArtifactJson {

	private static final ObjectMapper MAPPER = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
		.build();

	/** The artifact's top-level field that holds the SHA-256 of everything else. */
	public static final String CHECKSUM = "contentSha256";

	/** The one optional top-level member. */
	static final String TRAINING_DISTRIBUTION = "trainingDistribution";

	private ModelArtifactJson() {
	}

	/**
	 * @param in the artifact's bytes
	 * @param description where they come from, for messages
	 * @return the checked model
	 * @throws InvalidModelException if the bytes are not a servable artifact
	 */
	public static HeartDiseaseModel read(InputStream in, String description) {
		return read(in, description, null);
	}

	/**
	 * @param in the artifact's bytes
	 * @param description where they come from, for messages
	 * @param pinnedSha256 the {@value #CHECKSUM} the artifact must have, or {@code null} for any
	 * @return the checked model
	 * @throws InvalidModelException if the bytes are not a servable artifact, or not the pinned one
	 */
	public static HeartDiseaseModel read(InputStream in, String description, String pinnedSha256) {
		ModelArtifact artifact;
		String checksum;
		try {
			byte[] bytes = in.readAllBytes();
			if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
				throw new InvalidModelException("Model artifact " + description + " is empty");
			}
			JsonNode tree = MAPPER.readTree(bytes);
			if (!(tree instanceof ObjectNode content)) {
				throw new InvalidModelException("Model artifact " + description + " is not a JSON object");
			}
			JsonNode recorded = content.remove(CHECKSUM);
			if (recorded == null || !recorded.isTextual()) {
				throw new InvalidModelException("Model artifact " + description + " has no " + CHECKSUM
						+ "; it was not written by --train");
			}
			String actual = sha256(content);
			if (!actual.equals(recorded.asText())) {
				throw new InvalidModelException("Model artifact " + description + " was changed after training: "
						+ "its content's SHA-256 is " + actual + ", it records " + recorded.asText());
			}
			if (pinnedSha256 != null && !pinnedSha256.equalsIgnoreCase(actual)) {
				throw new InvalidModelException("Model artifact " + description + " is not the pinned one: its "
						+ CHECKSUM + " is " + actual + ", heart.model.sha256 asks for " + pinnedSha256);
			}
			if (!content.has(TRAINING_DISTRIBUTION)) {
				// Artifacts written before it existed: still served, with drift off (optional in schema 1;
				// every other member is required, so it is named here rather than relaxed for all).
				content.putNull(TRAINING_DISTRIBUTION);
			}
			artifact = MAPPER.treeToValue(content, ModelArtifact.class);
			checksum = actual;
		}
		catch (JsonProcessingException ex) {
			throw new InvalidModelException("Model artifact " + description + " is not a valid artifact: "
					+ ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new InvalidModelException("Model artifact " + description + " cannot be read: " + ex.getMessage(), ex);
		}
		try {
			return new HeartDiseaseModel(artifact, checksum);
		}
		catch (InvalidModelException ex) {
			throw new InvalidModelException("Model artifact " + description + " is inconsistent: " + ex.getMessage(), ex);
		}
	}

	/** @return the artifact as pretty-printed JSON ending with its {@value #CHECKSUM} and a newline */
	public static byte[] toBytes(ModelArtifact artifact) {
		ObjectNode content = MAPPER.valueToTree(artifact);
		return seal(content);
	}

	/**
	 * @param content an artifact's JSON without its checksum
	 * @return the JSON with {@value #CHECKSUM} appended, pretty-printed, ending with a newline
	 */
	public static byte[] seal(ObjectNode content) {
		try {
			ObjectNode sealed = content.deepCopy();
			sealed.remove(CHECKSUM);
			sealed.put(CHECKSUM, sha256(sealed));
			return (MAPPER.writeValueAsString(sealed) + "\n").getBytes(StandardCharsets.UTF_8);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the model artifact as JSON", ex);
		}
	}

	/** @return the SHA-256 of the content's canonical form: this mapper's pretty-printed JSON, as UTF-8 */
	private static String sha256(ObjectNode content) throws JsonProcessingException {
		return Sha256.hex(MAPPER.writeValueAsBytes(content));
	}

	/**
	 * Writes the artifact to a temporary file beside the target, then moves it into place, so a
	 * crash never leaves a half-written artifact where a good one was.
	 * @param artifact the artifact
	 * @param target where it goes
	 * @throws IOException if it cannot be written
	 */
	public static void write(ModelArtifact artifact, Path target) throws IOException {
		Path directory = target.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path temporary = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(temporary)) {
				out.write(toBytes(artifact));
			}
			try {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
