package org.heartdisease.prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.heartdisease.model.Field;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.model.ModelArtifact;

/**
 * The {@code predict} function: validates a payload and answers with the model's diagnosis.
 */
public class Predictor implements Function<Payload, Diagnosis> {

	private static final Log logger = LogFactory.getLog(Predictor.class);

	private final HeartDiseaseModel model;

	private final PayloadValidator validator;

	private final Explainer explainer;

	private final Diagnosis.ModelVersion version;

	public Predictor(HeartDiseaseModel model) {
		this.model = model;
		this.validator = new PayloadValidator(model);
		this.explainer = new Explainer(model);
		ModelArtifact artifact = model.artifact();
		this.version = new Diagnosis.ModelVersion("heart-disease" + artifact.tag(), artifact.trainedAt());
	}

	/**
	 * @throws InvalidPayloadException naming every invalid field, before anything is computed
	 */
	@Override
	public Diagnosis apply(Payload payload) {
		if (payload == null) {
			throw new InvalidPayloadException(List.of(FieldError.of(null, "a payload is required")));
		}
		List<FieldError> errors = this.validator.validate(payload);
		if (!errors.isEmpty()) {
			throw new InvalidPayloadException(errors);
		}
		return diagnose(payload);
	}

	/**
	 * The diagnosis of a payload that {@link #validator()} has already passed, as the exchange's reader
	 * does for every payload it reads: so that no payload is validated twice.
	 * @param payload a valid payload
	 * @return its diagnosis
	 */
	public Diagnosis diagnose(Payload payload) {
		double[] row = payload.toRow();
		Explanation explanation = this.explainer.explain(row);
		double probability = HeartDiseaseModel.probabilityOf(explanation.logit());
		Diagnosis diagnosis = new Diagnosis(this.model.label(probability), probability, imputed(payload), this.version,
				explanation);
		// Payloads are health data: logged only when this logger is set to DEBUG on purpose.
		if (logger.isDebugEnabled()) {
			logger.debug(payload + " -> " + diagnosis);
		}
		return diagnosis;
	}

	/**
	 * What a file's row needs of {@link #diagnose}: the label, the probability and the imputed fields,
	 * without the explanation, whose labelling and sorting cost a batch scorer more than the scoring
	 * itself. The probability is the diagnosis's to the last bit: the model sums the logit in the same
	 * column order as the explanation ({@code HeartDiseaseModel.logit}).
	 * @param payload a payload that {@link #validator()} has already passed
	 */
	public Score score(Payload payload) {
		double probability = this.model.probability(payload.toRow());
		return new Score(this.model.label(probability), probability, imputed(payload));
	}

	/**
	 * The diagnosis without its explanation.
	 * @param diagnosis {@code heart-disease} or {@code clear}
	 * @param probability the probability of heart disease
	 * @param imputed the fields that were missing and imputed, in field order
	 */
	public record Score(String diagnosis, double probability, List<String> imputed) {
	}

	public PayloadValidator validator() {
		return this.validator;
	}

	private static List<String> imputed(Payload payload) {
		List<String> imputed = new ArrayList<>(0);
		for (Field field : Field.all()) {
			if (payload.get(field) == null) {
				imputed.add(field.jsonName());
			}
		}
		return imputed;
	}

}
