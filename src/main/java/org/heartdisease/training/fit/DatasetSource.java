package org.heartdisease.training.fit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.heartdisease.model.Sha256;

/**
 * The bytes of a training file, fetched from a path, a {@code file:} URL or an {@code http(s)} URL,
 * with their SHA-256 (checked against the expected one when given).
 *
 * @param source the path or URL as given to {@code --dataset}
 * @param bytes the file's content
 * @param sha256 the SHA-256 of the bytes, lower-case hex
 */
public record DatasetSource(String source, byte[] bytes, String sha256) {

	/** The default training file, relative to the working directory. */
	public static final String DEFAULT = "datasets/processed.cleveland.data";

	/** The largest file read or downloaded. */
	static final long MAX_BYTES = 50L * 1024 * 1024;

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** Where a user gets the default file, for messages. */
	static final String DOWNLOAD_HINT = "download it from the UCI Machine Learning Repository, Heart Disease (id 45), "
			+ "https://archive.ics.uci.edu/dataset/45/heart+disease: take the file processed.cleveland.data from the zip "
			+ "and put it at " + DEFAULT + ", or point --dataset at it";

	/**
	 * @param source a path, {@code file:} URL or {@code http(s)://} URL
	 * @param expectedSha256 the SHA-256 the bytes must have, or {@code null} to accept any
	 * @return the loaded bytes
	 * @throws TrainingException if they cannot be read or do not match the expected SHA-256
	 */
	public static DatasetSource load(String source, String expectedSha256) {
		byte[] bytes = read(source);
		String sha256 = Sha256.hex(bytes);
		if (expectedSha256 != null && !expectedSha256.toLowerCase(Locale.ROOT).equals(sha256)) {
			throw new TrainingException(source + ": SHA-256 is " + sha256 + ", but --dataset-sha256 expects "
					+ expectedSha256.toLowerCase(Locale.ROOT) + " (a different or corrupted file)");
		}
		return new DatasetSource(source, bytes, sha256);
	}

	private static byte[] read(String source) {
		String lower = source.toLowerCase(Locale.ROOT);
		if (lower.startsWith("http://") || lower.startsWith("https://")) {
			return download(source);
		}
		Path path = path(source, lower.startsWith("file:"));
		try {
			if (Files.size(path) > MAX_BYTES) {
				throw new TrainingException(source + ": larger than " + MAX_BYTES / (1024 * 1024) + " MB");
			}
			return Files.readAllBytes(path);
		}
		catch (NoSuchFileException ex) {
			String hint = source.endsWith("processed.cleveland.data") ? "; " + DOWNLOAD_HINT : "";
			throw new TrainingException(source + ": no such file (looked at " + path.toAbsolutePath() + ")" + hint, ex);
		}
		catch (IOException ex) {
			throw new TrainingException(source + ": cannot be read: " + ex, ex);
		}
	}

	/**
	 * @return the local file a path or {@code file:} URL names
	 * @throws TrainingException rather than the platform's unchecked exceptions for a malformed one
	 */
	private static Path path(String source, boolean fileUrl) {
		if (!fileUrl) {
			try {
				return Path.of(source);
			}
			catch (InvalidPathException ex) {
				throw new TrainingException(source + ": not a valid path (" + ex.getReason() + ")", ex);
			}
		}
		try {
			return Path.of(new URI(source));
		}
		catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException ex) {
			// file:datasets/x.csv is opaque ("URI is not hierarchical"): a file: URL must be absolute.
			throw new TrainingException(source + ": not a usable file: URL (" + reason(ex) + "); write an absolute "
					+ "one, file:///path/to/file, or give the path itself, for example --dataset="
					+ source.substring("file:".length()), ex);
		}
	}

	private static String reason(Exception ex) {
		return (ex instanceof URISyntaxException syntax) ? syntax.getReason() + " at index " + syntax.getIndex()
				: ex.getMessage();
	}

	private static byte[] download(String url) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
			.followRedirects(HttpClient.Redirect.NORMAL).build();
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(new URI(url)).timeout(TIMEOUT).GET().build();
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new TrainingException(url + ": not a usable URL (" + reason(ex) + ")", ex);
		}
		try {
			HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				if (response.statusCode() != 200) {
					throw new TrainingException(url + ": download failed with HTTP status " + response.statusCode());
				}
				byte[] bytes = body.readNBytes((int) MAX_BYTES + 1);
				if (bytes.length > MAX_BYTES) {
					throw new TrainingException(url + ": larger than " + MAX_BYTES / (1024 * 1024) + " MB");
				}
				return bytes;
			}
		}
		catch (IOException ex) {
			throw new TrainingException(url + ": download failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TrainingException(url + ": download interrupted", ex);
		}
	}

	/**
	 * What an artifact records as the data's source: where the data sat on the machine that trained
	 * is private and makes two artifacts of the same data differ, so a local file is recorded by its
	 * name alone; an http(s) URL without credentials, query or fragment, which may hold secrets.
	 * The SHA-256 beside it pins the content either way.
	 * @param source a path, {@code file:} URL or {@code http(s)://} URL, as given to {@code --dataset}
	 * @return the file name, or the URL's scheme, host, port and path
	 */
	public static String publishedName(String source) {
		String lower = source.toLowerCase(Locale.ROOT);
		if (lower.startsWith("http://") || lower.startsWith("https://")) {
			try {
				URI uri = new URI(source);
				return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
			}
			catch (URISyntaxException ex) {
				throw new TrainingException(source + ": not a usable URL (" + reason(ex) + ")", ex);
			}
		}
		Path name = path(source, lower.startsWith("file:")).getFileName();
		return (name != null) ? name.toString() : source;
	}

}
