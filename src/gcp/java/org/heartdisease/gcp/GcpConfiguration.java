package org.heartdisease.gcp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.batch.BatchConfiguration;
import org.heartdisease.batch.FileStore;
import org.heartdisease.batch.StoredFileJobs;
import org.heartdisease.monitoring.AnswerListener;
import org.heartdisease.prediction.ModelDescription;
import org.heartdisease.prediction.ConditionalOnServing;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * The Cloud Functions surface: the exported {@code gcpPredict} function (selected by
 * {@code function.name} in {@code config/application.properties}), which {@link GcpFunction} calls; and
 * {@code gcpScore}, which scores the files uploaded to Cloud Storage (the score function's events); and
 * one Cloud Logging entry per answer of either, which deploy.sh's log-based metrics count.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnServing
@Import(BatchConfiguration.class)
class GcpConfiguration {

	@Bean(GcpFunction.NAME)
	Function<PredictionExchange.Call, PredictionExchange.Answer> gcpPredict(PredictionExchange exchange) {
		return exchange::answer;
	}

	/** What {@link GcpFunction#accept} hands a Cloud Storage upload or the schedule's sweep to. */
	@Bean(GcpFunction.SCORE_NAME)
	StorageEventFunction gcpScore(ObjectProvider<StoredFileJobs> storedFileJobs, ObjectMapper objectMapper) {
		return new StorageEventFunction(storedFileJobs, objectMapper);
	}

	// Declared as the interface and built by a factory: neither this class nor the start-up code AOT
	// generates for it names a Cloud Storage type, so nothing loads one until a file is scored.
	@Bean
	@Lazy
	FileStore storageFileStore(BeanFactory beanFactory) {
		return StorageFileStore.create(beanFactory);
	}

	/**
	 * Every answer's structured entry on standard output, labelled with the function and revision Cloud
	 * Run names in {@code K_SERVICE} and {@code K_REVISION} (absent when run elsewhere) and the model.
	 */
	@Bean
	AnswerListener cloudLoggingEntries(ObjectMapper objectMapper, Supplier<ModelDescription> describe,
			Environment environment) {
		Map<String, String> labels = new LinkedHashMap<>();
		putIfSet(labels, "function", environment.getProperty("K_SERVICE"));
		putIfSet(labels, "revision", environment.getProperty("K_REVISION"));
		labels.put("model", describe.get().name());
		return new CloudLoggingEntries(objectMapper.getFactory(), labels, System.out);
	}

	private static void putIfSet(Map<String, String> labels, String key, String value) {
		if (value != null && !value.isBlank()) {
			labels.put(key, value);
		}
	}

}
