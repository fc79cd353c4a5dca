package org.heartdisease.training.fit;

import java.util.List;

import org.heartdisease.FuzzPayloads;
import org.heartdisease.prediction.Diagnosis;
import org.heartdisease.prediction.Payload;
import org.heartdisease.prediction.Predictor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The explanation identity on every one of the 303 Cleveland patients: intercept plus contributions
 * is the logit of the committed model's probability, to 1e-9.
 */
class ExplanationOnClevelandTests {

	@Test
	void shouldAddUpOnEveryClevelandRow() {
		Dataset data = DatasetReader.read(DatasetSource.load(TestData.cleveland().toString(), null), null, null, List.of());
		Predictor predict = new Predictor(FuzzPayloads.committedModel());
		assertThat(data.rows()).hasSize(303);
		for (double[] row : data.rows()) {
			Double[] values = new Double[row.length];
			for (int i = 0; i < row.length; i++) {
				values[i] = Double.isNaN(row[i]) ? null : row[i];
			}
			Diagnosis diagnosis = predict.apply(Payload.of(values));
			double sum = diagnosis.explanation().intercept() + diagnosis.explanation().contributions().stream()
				.mapToDouble((c) -> c.contribution()).sum();
			assertThat(sum).isCloseTo(diagnosis.explanation().logit(), within(1e-9));
			double p = diagnosis.probability();
			assertThat(Math.log(p / (1 - p))).isCloseTo(diagnosis.explanation().logit(), within(1e-9));
			assertThat(p).isEqualTo(FuzzPayloads.committedModel().probability(row));
		}
	}

}
