package org.heartdisease.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * A cloud object store as the stored-file jobs need it: S3 and Cloud Storage each implement it over
 * their own SDK, with nothing else of theirs in the shared code.
 */
public interface FileStore {

	/** The user metadata every output and manifest carries: what wrote it, so it is never scored. */
	String SCORED_BY = "scored-by";

	/**
	 * What the store says of an object before it is read.
	 * @param size its size in bytes
	 * @param etag its checksum as the store names it (S3's ETag; Cloud Storage's MD5 and generation)
	 * @param metadata its user metadata
	 */
	record StoredObject(long size, String etag, Map<String, String> metadata) {
	}

	/** Writes an object's content to the stream it is given. */
	@FunctionalInterface
	interface Content<T> {

		T writeTo(OutputStream out) throws IOException;

	}

	/**
	 * @return what the store says of the object, or {@code null} when there is none under that key
	 */
	StoredObject describe(String bucket, String key) throws IOException;

	/** @return the object's content as a stream, read as it arrives */
	InputStream open(String bucket, String key) throws IOException;

	/**
	 * Writes an object as a stream: it appears under its key only once the content has been written
	 * whole (a multipart upload completed, a resumable upload finished), never in part; if
	 * {@code content} throws, nothing appears and what was sent is discarded.
	 * @return what {@code content} returned
	 */
	<T> T write(String bucket, String key, String contentType, Map<String, String> metadata, Content<T> content)
			throws IOException;

	/** @return the keys under the prefix, in the store's order */
	List<String> list(String bucket, String prefix) throws IOException;

}
