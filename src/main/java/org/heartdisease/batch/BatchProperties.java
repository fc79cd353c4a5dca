package org.heartdisease.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where stored files are scored, and how large they may be.
 *
 * @param maxBytes the largest file scored, in bytes: a larger one fails as {@code too-large} and is not
 * read any further
 * @param inputPrefix the prefix of the keys scored on upload and by the schedule's sweep
 * @param outputPrefix the prefix the output and manifest keys get in place of {@code inputPrefix}; keys
 * under it are never scored, which is what stops a function from triggering itself
 * @param outputBucket the bucket the output goes to, or empty for the input's own
 */
@ConfigurationProperties("heart.batch")
public record BatchProperties(@DefaultValue("1073741824") long maxBytes, @DefaultValue("incoming/") String inputPrefix,
		@DefaultValue("scored/") String outputPrefix, @DefaultValue("") String outputBucket) {

	public BatchProperties {
		if (maxBytes < 1) {
			throw new IllegalArgumentException("heart.batch.max-bytes must be positive");
		}
		if (outputPrefix.isEmpty() || inputPrefix.startsWith(outputPrefix) || outputPrefix.startsWith(inputPrefix)) {
			// The same or nested prefixes would score the outputs again, each upload triggering the next.
			throw new IllegalArgumentException("heart.batch.output-prefix must be set and neither hold nor lie under "
					+ "heart.batch.input-prefix; got input-prefix '" + inputPrefix + "', output-prefix '" + outputPrefix
					+ "'");
		}
	}

}
