package org.heartdisease.gcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import org.heartdisease.batch.FileStore;

import org.springframework.beans.factory.BeanFactory;

/**
 * The stored-file jobs' {@link FileStore} over Cloud Storage, with {@code google-cloud-storage}: objects
 * are read through a read channel as they arrive and written through a resumable upload of
 * {@value #CHUNK_SIZE}-byte chunks, which makes the object appear only when the upload is finished; one
 * that is never finished (the content failed) never appears.
 */
final class StorageFileStore implements FileStore {

	/** The chunk the upload sends at a time, and so the memory it holds. */
	static final int CHUNK_SIZE = 8 * 1024 * 1024;

	private final Storage storage;

	StorageFileStore(Storage storage) {
		this.storage = storage;
	}

	/**
	 * @param beanFactory where a {@link Storage} bean is taken from when there is one (the tests give
	 * Google's in-memory one), else the default client is built: on Cloud Functions, the function's
	 * service account and project
	 */
	static FileStore create(BeanFactory beanFactory) {
		return new StorageFileStore(beanFactory.getBeanProvider(Storage.class)
			.getIfAvailable(() -> StorageOptions.getDefaultInstance().getService()));
	}

	@Override
	public StoredObject describe(String bucket, String key) {
		Blob blob = this.storage.get(BlobId.of(bucket, key));
		if (blob == null) {
			return null;
		}
		// An MD5 is not unique to a version; with the generation it names exactly what was read.
		return new StoredObject(blob.getSize(), blob.getMd5() + "#" + blob.getGeneration(),
				(blob.getMetadata() != null) ? blob.getMetadata() : Map.of());
	}

	@Override
	public InputStream open(String bucket, String key) {
		return Channels.newInputStream(this.storage.reader(BlobId.of(bucket, key)));
	}

	@Override
	public <T> T write(String bucket, String key, String contentType, Map<String, String> metadata, Content<T> content)
			throws IOException {
		Upload upload = new Upload(BlobInfo.newBuilder(BlobId.of(bucket, key))
			.setContentType(contentType)
			.setMetadata(metadata)
			.build());
		// When the content throws, the upload is not finished: its session is dropped and no object appears.
		T result = content.writeTo(upload);
		upload.finish();
		return result;
	}

	/**
	 * A resumable upload opened with the first byte, so that a file refused before any output (an
	 * unreadable one) opens no upload session at all, and finished only by {@link #finish}.
	 */
	private final class Upload extends OutputStream {

		private final BlobInfo blob;

		private WriteChannel channel;

		private OutputStream out;

		Upload(BlobInfo blob) {
			this.blob = blob;
		}

		private OutputStream out() {
			if (this.out == null) {
				this.channel = StorageFileStore.this.storage.writer(this.blob);
				this.channel.setChunkSize(CHUNK_SIZE);
				this.out = Channels.newOutputStream(this.channel);
			}
			return this.out;
		}

		@Override
		public void write(int b) throws IOException {
			out().write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			out().write(bytes, offset, length);
		}

		void finish() throws IOException {
			out().flush();
			this.channel.close();
		}

	}

	@Override
	public List<String> list(String bucket, String prefix) {
		List<String> keys = new ArrayList<>();
		this.storage.list(bucket, Storage.BlobListOption.prefix(prefix))
			.iterateAll()
			.forEach((blob) -> keys.add(blob.getName()));
		return keys;
	}

}
