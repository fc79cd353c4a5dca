package org.heartdisease.prediction;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which model artifact to serve.
 *
 * @param location a Spring resource location ({@code classpath:}, {@code file:}, {@code https:});
 * by default the artifact packaged with the application
 */
@ConfigurationProperties("heart.model")
public record ModelProperties(@DefaultValue(ModelProperties.DEFAULT_LOCATION) String location) {

	/** The committed artifact, packaged on the classpath. */
	public static final String DEFAULT_LOCATION = "classpath:model/heart-disease.json";

}
