package org.heartdisease.prediction;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.model.InvalidModelException;
import org.heartdisease.model.ModelArtifactJson;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The model, loaded once, and the {@code predict} function over it; absent when the application
 * runs {@code --train}, which must not depend on the model it is about to replace.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnServing
@EnableConfigurationProperties(ModelProperties.class)
class PredictionConfiguration {

	// Loaded as the application starts even where the rest of the context is lazy (the local server):
	// a model that cannot be served stops start-up, it never waits for the first request to fail.
	@Bean
	@Lazy(false)
	HeartDiseaseModel heartDiseaseModel(ModelProperties properties, ResourceLoader resourceLoader) {
		return load(resourceLoader.getResource(properties.location()), properties.location(), properties.sha256());
	}

	@Bean
	Predictor predict(HeartDiseaseModel heartDiseaseModel) {
		return new Predictor(heartDiseaseModel);
	}

	/** The second function of every deployable: what the served model expects and how good it is. */
	@Bean
	Supplier<ModelDescription> describe(HeartDiseaseModel heartDiseaseModel) {
		ModelDescription description = ModelDescription.of(heartDiseaseModel);
		return () -> description;
	}

	static HeartDiseaseModel load(Resource resource, String location, String pinnedSha256) {
		if (!resource.exists()) {
			throw new InvalidModelException("Model artifact " + location + " does not exist");
		}
		try (InputStream in = resource.getInputStream()) {
			return ModelArtifactJson.read(in, location, pinnedSha256);
		}
		catch (IOException ex) {
			throw new InvalidModelException("Model artifact " + location + " cannot be read: " + ex.getMessage(), ex);
		}
	}

}
