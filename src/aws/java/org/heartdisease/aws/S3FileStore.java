package org.heartdisease.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.heartdisease.batch.FileStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The stored-file jobs' {@link FileStore} over S3, with the AWS SDK for Java v2: objects are read as
 * the response streams in, and written as a multipart upload of {@value #PART_SIZE}-byte parts (one
 * plain put when the whole fits in one part), so memory holds one part whatever the file's size.
 */
final class S3FileStore implements FileStore {

	/** The size of an uploaded part; S3's minimum is 5 MiB for all but the last. */
	static final int PART_SIZE = 8 * 1024 * 1024;

	private final S3Client s3;

	S3FileStore(S3Client s3) {
		this.s3 = s3;
	}

	/**
	 * @param endpoint the S3 API's address, or {@code null} for the region's (an S3-compatible server
	 * such as the tests' S3Mock is addressed path-style)
	 * @return a store over a client with the default credentials and region (on Lambda, the function's
	 * role and region)
	 */
	static FileStore create(String endpoint) {
		S3ClientBuilder builder = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
		if (endpoint != null && !endpoint.isBlank()) {
			builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
		}
		return new S3FileStore(builder.build());
	}

	@Override
	public StoredObject describe(String bucket, String key) {
		try {
			HeadObjectResponse head = this.s3.headObject((request) -> request.bucket(bucket).key(key));
			return new StoredObject(head.contentLength(), head.eTag(), head.metadata());
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return null;
			}
			throw ex;
		}
	}

	@Override
	public InputStream open(String bucket, String key) {
		return this.s3.getObject((request) -> request.bucket(bucket).key(key));
	}

	@Override
	public <T> T write(String bucket, String key, String contentType, Map<String, String> metadata, Content<T> content)
			throws IOException {
		try (Upload upload = new Upload(bucket, key, contentType, metadata)) {
			T result = content.writeTo(upload);
			upload.complete();
			return result;
		}
	}

	@Override
	public List<String> list(String bucket, String prefix) {
		return this.s3.listObjectsV2Paginator((request) -> request.bucket(bucket).prefix(prefix))
			.contents()
			.stream()
			.map(S3Object::key)
			.toList();
	}

	/**
	 * One object being written: parts go up as they fill; {@link #complete} makes the object appear,
	 * and closing without it aborts the upload, so a failed run leaves nothing under the key (and no
	 * stored parts to pay for).
	 */
	private final class Upload extends OutputStream {

		private final String bucket;

		private final String key;

		private final String contentType;

		private final Map<String, String> metadata;

		private final byte[] part = new byte[PART_SIZE];

		private final List<CompletedPart> parts = new ArrayList<>();

		private int filled;

		private String uploadId;

		private boolean completed;

		Upload(String bucket, String key, String contentType, Map<String, String> metadata) {
			this.bucket = bucket;
			this.key = key;
			this.contentType = contentType;
			this.metadata = metadata;
		}

		@Override
		public void write(int b) {
			if (this.filled == this.part.length) {
				sendPart();
			}
			this.part[this.filled++] = (byte) b;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			while (length > 0) {
				if (this.filled == this.part.length) {
					sendPart();
				}
				int n = Math.min(length, this.part.length - this.filled);
				System.arraycopy(bytes, offset, this.part, this.filled, n);
				this.filled += n;
				offset += n;
				length -= n;
			}
		}

		private void sendPart() {
			if (this.uploadId == null) {
				this.uploadId = S3FileStore.this.s3.createMultipartUpload((request) -> request.bucket(this.bucket)
					.key(this.key)
					.contentType(this.contentType)
					.metadata(this.metadata)).uploadId();
			}
			int number = this.parts.size() + 1;
			String etag = S3FileStore.this.s3.uploadPart((request) -> request.bucket(this.bucket)
				.key(this.key)
				.uploadId(this.uploadId)
				.partNumber(number), body()).eTag();
			this.parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
			this.filled = 0;
		}

		// Read from the one buffer: no copy of the part.
		private RequestBody body() {
			return RequestBody.fromInputStream(new ByteArrayInputStream(this.part, 0, this.filled), this.filled);
		}

		void complete() {
			if (this.uploadId == null) {
				S3FileStore.this.s3.putObject((request) -> request.bucket(this.bucket)
					.key(this.key)
					.contentType(this.contentType)
					.metadata(this.metadata), body());
			}
			else {
				if (this.filled > 0) {
					sendPart();
				}
				S3FileStore.this.s3.completeMultipartUpload((request) -> request.bucket(this.bucket)
					.key(this.key)
					.uploadId(this.uploadId)
					.multipartUpload((upload) -> upload.parts(this.parts)));
			}
			this.completed = true;
		}

		@Override
		public void close() {
			if (!this.completed && this.uploadId != null) {
				S3FileStore.this.s3.abortMultipartUpload((request) -> request.bucket(this.bucket)
					.key(this.key)
					.uploadId(this.uploadId));
			}
		}

	}

}
