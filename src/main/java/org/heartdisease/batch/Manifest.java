package org.heartdisease.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * What one scoring run did, written as JSON beside its output and logged: counts and checksums only,
 * never a value from the file.
 *
 * @param manifestVersion the version of this layout, {@value #VERSION}
 * @param input the input's name or key
 * @param inputSha256 the SHA-256 of the input's bytes, as read
 * @param inputEtag the store's ETag (S3) or MD5 and generation (Cloud Storage), {@code null} for a local file
 * @param inputBytes the bytes read
 * @param format the input's layout ({@code csv}, {@code uci}, {@code jsonl}), {@code null} when not known
 * @param output the output's name or key, {@code null} when none was written
 * @param rowsRead the rows read (blank lines are not rows)
 * @param rowsScored the rows that got a diagnosis
 * @param rowsRejected the rows that got an error instead
 * @param rejectedBy per kind, the rejected rows it concerns: a field's name, {@code unknown-field} or
 * {@code row} (the row as a whole: wrong column count, not a JSON object); a row with two bad fields
 * counts under each
 * @param model the model that scored
 * @param durationMillis how long the run took
 * @param error why the file could not be scored, {@code null} when it was; no output was written
 * @param errorKind the failure's fixed name ({@code encoding}, {@code binary}, {@code too-large},
 * {@code header}, {@code malformed}), {@code null} when it was scored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = false)
public record Manifest(int manifestVersion, String input, String inputSha256, String inputEtag, long inputBytes,
		String format, String output, long rowsRead, long rowsScored, long rowsRejected, Map<String, Long> rejectedBy,
		Model model, long durationMillis, String error, String errorKind) {

	/** The layout's version. */
	public static final int VERSION = 1;

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	public Manifest {
		rejectedBy = new TreeMap<>(rejectedBy);
	}

	/**
	 * The model that scored.
	 * @param name the artifact's name, {@code heart-disease} plus its tag
	 * @param trainedAt when it was trained
	 * @param contentSha256 the artifact's content checksum
	 */
	public record Model(String name, String trainedAt, String contentSha256) {
	}

	/** @return this manifest naming where the output went */
	public Manifest withOutput(String output) {
		return new Manifest(this.manifestVersion, this.input, this.inputSha256, this.inputEtag, this.inputBytes,
				this.format, output, this.rowsRead, this.rowsScored, this.rowsRejected, this.rejectedBy, this.model,
				this.durationMillis, this.error, this.errorKind);
	}

	/** @return this manifest with the store's checksum of the input */
	public Manifest withInputEtag(String etag) {
		return new Manifest(this.manifestVersion, this.input, this.inputSha256, etag, this.inputBytes, this.format,
				this.output, this.rowsRead, this.rowsScored, this.rowsRejected, this.rejectedBy, this.model,
				this.durationMillis, this.error, this.errorKind);
	}

	/**
	 * @param input the input's name or key
	 * @param failure why it could not be scored
	 * @param model the model that would have scored it
	 * @param durationMillis how long until it failed
	 * @return the manifest of a file that was not scored: no output, no rows
	 */
	public static Manifest failed(String input, UnreadableFileException failure, Model model, long durationMillis) {
		return new Manifest(VERSION, input, null, null, 0, null, null, 0, 0, 0, Map.of(), model, durationMillis,
				failure.getMessage(), failure.kind());
	}

	/** @return whether the file was scored (its rows may still have been rejected one by one) */
	public boolean scored() {
		return this.error == null;
	}

	/** @return this manifest as indented JSON, UTF-8, ending with a line break as a text file does */
	public byte[] toJson() {
		try {
			return (JSON.writeValueAsString(this) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** @return the manifest on one line, for a log */
	@Override
	public String toString() {
		try {
			return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
