package org.heartdisease.batch;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;

import org.heartdisease.api.PayloadReader;
import org.heartdisease.api.RequestLimits;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.monitoring.AnswerMonitor;
import org.heartdisease.monitoring.MonitoringConfiguration;
import org.heartdisease.prediction.Predictor;

/**
 * The batch scorer over the {@code predict} bean, imported by what scores files (the {@code --score}
 * command, the cloud storage functions) rather than found by the component scan: the servers never
 * create it. Lazy, so a deployable whose first call predicts loads none of it.
 */
@EnableConfigurationProperties({ BatchProperties.class, RequestLimits.class })
@Import(MonitoringConfiguration.class)
public class BatchConfiguration {

	@Bean
	@Lazy
	BatchScorer batchScorer(Predictor predict, RequestLimits limits, HeartDiseaseModel heartDiseaseModel,
			BatchProperties properties, AnswerMonitor answerMonitor) {
		// A JSON Lines row is read as an HTTP body is (one line at most heart.limits.max-body-bytes), but
		// may carry members that are not fields, such as a patient id, through to its output row.
		return new BatchScorer(predict, new PayloadReader(predict.validator(), limits, true), heartDiseaseModel,
				properties.maxBytes(), answerMonitor);
	}

	/**
	 * The scorer over the cloud store of the surface that imports this (its one {@link FileStore} bean);
	 * lazy, so its store is created with the first file, and a context without a store (the command's)
	 * never asks for it.
	 */
	@Bean
	@Lazy
	StoredFileJobs storedFileJobs(BatchScorer batchScorer, FileStore fileStore, BatchProperties properties) {
		return new StoredFileJobs(batchScorer, fileStore, properties);
	}

}
