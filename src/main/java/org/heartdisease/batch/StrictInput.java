package org.heartdisease.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file's bytes as UTF-8 text, refused at the exact line where they stop being text: a malformed
 * UTF-8 sequence, a NUL (binary content), or more bytes than the limit. It also counts the bytes and
 * takes their SHA-256 as they pass, for the manifest, so the file is read once. A leading byte-order
 * mark (spreadsheet exports write one) is dropped.
 *
 * <p>The JDK's decoder does the decoding; this only feeds it and places its failures on a line,
 * which a decoding {@code InputStreamReader} cannot (it decodes ahead of what it has handed out).
 */
final class StrictInput extends Reader {

	private final InputStream in;

	private final String file;

	private final long maxBytes;

	private final MessageDigest sha256;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();

	private final CharBuffer chars = CharBuffer.allocate(64 * 1024).flip();

	private long bytesRead;

	private long newlines;

	private boolean ended;

	private boolean first = true;

	StrictInput(InputStream in, String file, long maxBytes) {
		this.in = in;
		this.file = file;
		this.maxBytes = maxBytes;
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		while (!this.chars.hasRemaining()) {
			if (this.ended && !this.bytes.hasRemaining()) {
				return -1;
			}
			decodeMore();
		}
		int n = Math.min(length, this.chars.remaining());
		this.chars.get(buffer, offset, n);
		return n;
	}

	private void decodeMore() throws IOException {
		if (!this.ended) {
			this.bytes.compact();
			int n = this.in.read(this.bytes.array(), this.bytes.position(), this.bytes.remaining());
			if (n < 0) {
				this.ended = true;
			}
			else {
				this.sha256.update(this.bytes.array(), this.bytes.position(), n);
				this.bytes.position(this.bytes.position() + n);
				this.bytesRead += n;
				if (this.bytesRead > this.maxBytes) {
					throw new UnreadableFileException(this.file, 0, "too-large",
							"is larger than the limit of " + this.maxBytes + " bytes");
				}
			}
			this.bytes.flip();
		}
		this.chars.clear();
		CoderResult result = this.decoder.decode(this.bytes, this.chars, this.ended);
		if (this.ended && !result.isError()) {
			result = this.decoder.flush(this.chars);
		}
		this.chars.flip();
		int start = 0;
		if (this.first && this.chars.hasRemaining()) {
			this.first = false;
			if (this.chars.get(0) == '\uFEFF') {
				this.chars.get();
				start = 1;
			}
		}
		for (int i = start; i < this.chars.limit(); i++) {
			char c = this.chars.get(i);
			if (c == '\n') {
				this.newlines++;
			}
			else if (c == 0) {
				throw new UnreadableFileException(this.file, this.newlines + 1, "binary", "holds binary content (a NUL byte), not text");
			}
		}
		if (result.isError()) {
			throw new UnreadableFileException(this.file, this.newlines + 1, "encoding", "is not UTF-8 text");
		}
	}

	/** @return the bytes read so far */
	long bytesRead() {
		return this.bytesRead;
	}

	/** @return the SHA-256 of the bytes read, in hex; call once, after the last read */
	String sha256() {
		return HexFormat.of().formatHex(this.sha256.digest());
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
