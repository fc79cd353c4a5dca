package org.heartdisease.prediction;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which model artifact to serve.
 *
 * @param location a Spring resource location ({@code classpath:}, {@code file:}, {@code https:});
 * by default the artifact packaged with the application
 * @param sha256 the {@code contentSha256} the artifact must record, to serve exactly one known model
 * (worth setting when it comes over the network); {@code null} for any intact artifact
 */
@ConfigurationProperties("heart.model")
public record ModelProperties(@DefaultValue(ModelProperties.DEFAULT_LOCATION) String location, String sha256) {

	/** The committed artifact, packaged on the classpath. */
	public static final String DEFAULT_LOCATION = "classpath:model/heart-disease.json";

	public ModelProperties {
		sha256 = (sha256 == null || sha256.isBlank()) ? null : sha256.strip();
	}

}
