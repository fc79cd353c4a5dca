package org.heartdisease.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 checksums this project writes and checks: of an artifact's canonical content
 * ({@code contentSha256}) and of a training file ({@code dataset.sha256}), both as lower-case hex.
 */
public final class Sha256 {

	private Sha256() {
	}

	/**
	 * @param bytes what to digest
	 * @return the SHA-256 of the bytes, 64 lower-case hexadecimal digits
	 */
	public static String hex(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
