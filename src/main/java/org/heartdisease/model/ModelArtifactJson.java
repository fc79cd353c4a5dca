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
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads and writes model artifacts as JSON, strictly: unknown or duplicate properties, missing
 * numbers and trailing content are errors, never defaults.
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

	private ModelArtifactJson() {
	}

	/**
	 * @param in the artifact's bytes
	 * @param description where they come from, for messages
	 * @return the checked model
	 * @throws InvalidModelException if the bytes are not a servable artifact
	 */
	public static HeartDiseaseModel read(InputStream in, String description) {
		ModelArtifact artifact;
		try {
			byte[] bytes = in.readAllBytes();
			if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
				throw new InvalidModelException("Model artifact " + description + " is empty");
			}
			artifact = MAPPER.readValue(bytes, ModelArtifact.class);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidModelException("Model artifact " + description + " is not a valid artifact: "
					+ ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new InvalidModelException("Model artifact " + description + " cannot be read: " + ex.getMessage(), ex);
		}
		try {
			return new HeartDiseaseModel(artifact);
		}
		catch (InvalidModelException ex) {
			throw new InvalidModelException("Model artifact " + description + " is inconsistent: " + ex.getMessage(), ex);
		}
	}

	/** @return the artifact as pretty-printed JSON, ending with a newline */
	public static byte[] toBytes(ModelArtifact artifact) {
		try {
			byte[] json = MAPPER.writeValueAsBytes(artifact);
			byte[] withNewline = new byte[json.length + 1];
			System.arraycopy(json, 0, withNewline, 0, json.length);
			withNewline[json.length] = '\n';
			return withNewline;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the model artifact as JSON", ex);
		}
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
