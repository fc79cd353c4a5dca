package org.heartdisease.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on a prediction request, enforced on every surface before the body is parsed.
 *
 * @param maxBodyBytes the largest body accepted, in bytes (413 above it)
 * @param maxBatchSize the most payloads accepted in one JSON array (413 above it)
 */
@ConfigurationProperties("heart.limits")
public record RequestLimits(@DefaultValue("262144") int maxBodyBytes, @DefaultValue("1000") int maxBatchSize) {

	public RequestLimits {
		if (maxBodyBytes < 1 || maxBatchSize < 1) {
			throw new IllegalArgumentException("heart.limits.max-body-bytes and max-batch-size must be positive");
		}
	}

	/** @return the 413 for a body over {@link #maxBodyBytes()}, said the same way on every surface */
	public RejectedRequestException bodyTooLarge() {
		return new RejectedRequestException(Problem.of(413, "The body exceeds " + this.maxBodyBytes + " bytes."));
	}

}
