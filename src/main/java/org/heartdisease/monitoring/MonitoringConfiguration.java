package org.heartdisease.monitoring;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.model.TrainingDistribution;
import org.heartdisease.prediction.ConditionalOnServing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link AnswerMonitor} of a serving process, over the model's training distribution, with the
 * process's {@link ServedCounts} and whatever {@link AnswerListener} beans its surface adds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnServing
@EnableConfigurationProperties(MonitoringProperties.class)
public class MonitoringConfiguration {

	private static final Log logger = LogFactory.getLog(MonitoringConfiguration.class);

	@Bean
	ServedCounts servedCounts(HeartDiseaseModel heartDiseaseModel) {
		TrainingDistribution distribution = heartDiseaseModel.artifact().trainingDistribution();
		if (distribution == null) {
			logger.info("Drift is off: the model artifact records no trainingDistribution (written by --train "
					+ "since schema 1's distribution member); answers are still counted by outcome");
			return new ServedCounts(null);
		}
		return new ServedCounts(FieldBins.of(distribution));
	}

	@Bean
	AnswerMonitor answerMonitor(MonitoringProperties properties, ServedCounts servedCounts,
			HeartDiseaseModel heartDiseaseModel, ObjectProvider<AnswerListener> listeners) {
		if (!properties.enabled()) {
			return AnswerMonitor.off();
		}
		List<AnswerListener> all = new ArrayList<>();
		all.add(servedCounts);
		listeners.orderedStream().filter((listener) -> listener != servedCounts).forEach(all::add);
		return AnswerMonitor.of(servedCounts.bins(), heartDiseaseModel.artifact().labels().positive(), all);
	}

}
