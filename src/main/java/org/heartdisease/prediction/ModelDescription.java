package org.heartdisease.prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.heartdisease.model.Evaluation;
import org.heartdisease.model.Field;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.model.ModelArtifact;

/**
 * What the served model expects and how good it is, for the people who call it: the payload's
 * schema, the evaluation, the provenance and the artifact's checksum ({@code GET /model}, the
 * {@code describe} function).
 *
 * @param name the artifact's name
 * @param trainedAt when it was trained, ISO-8601 UTC
 * @param contentSha256 the artifact's verified checksum
 * @param labels the two diagnoses
 * @param threshold the probability of disease from which the diagnosis is positive
 * @param fields the payload's fields, in order
 * @param evaluation hold-out and cross-validated scores
 * @param dataset where the training data came from
 * @param trainer how it was trained
 * @param libraries the software that trained it
 */
public record ModelDescription(String name, String trainedAt, String contentSha256, ModelArtifact.Labels labels,
		double threshold, List<FieldSchema> fields, Evaluation evaluation, ModelArtifact.Dataset dataset,
		ModelArtifact.Trainer trainer, Map<String, String> libraries) {

	/**
	 * One payload field.
	 * @param name the JSON name
	 * @param description what it measures
	 * @param type {@code number} (a measurement), {@code flag} (0 or 1) or {@code code}
	 * @param unit the unit of a measurement, else absent
	 * @param minimum the smallest accepted value of a measurement
	 * @param maximum the largest accepted value of a measurement
	 * @param codes the accepted codes of a flag or code, with their meaning
	 * @param mayBeMissing whether null or absent is accepted (and imputed)
	 * @param imputedWith the value that stands in when it is missing
	 * @param seenInTraining the range of a measurement in the training data
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record FieldSchema(String name, String description, String type, String unit, Double minimum,
			Double maximum, List<Code> codes, boolean mayBeMissing, Double imputedWith, Range seenInTraining) {
	}

	/**
	 * @param code the value
	 * @param meaning what it means, absent for plain counts
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Code(int code, String meaning) {
	}

	/**
	 * @param min the smallest value
	 * @param max the largest value
	 */
	public record Range(double min, double max) {
	}

	/** @return the description of this model */
	public static ModelDescription of(HeartDiseaseModel model) {
		ModelArtifact artifact = model.artifact();
		PayloadValidator validator = new PayloadValidator(model);
		List<FieldSchema> fields = new ArrayList<>();
		for (Field field : Field.all()) {
			boolean mayBeMissing = validator.mayBeMissing(field);
			Double imputedWith = mayBeMissing ? model.imputedValue(field) : null;
			fields.add(switch (field.kind()) {
				case NUMERIC -> new FieldSchema(field.jsonName(), field.description(), "number", field.unit(),
						field.plausibleMin(), field.plausibleMax(), null, mayBeMissing, imputedWith,
						new Range(model.numeric(field).min(), model.numeric(field).max()));
				case BINARY -> new FieldSchema(field.jsonName(), field.description(), "flag", null, null, null,
						codes(model, field, List.of(0, 1)), mayBeMissing, imputedWith, null);
				case CATEGORICAL -> new FieldSchema(field.jsonName(), field.description(), "code", field.unit(), null,
						null, codes(model, field, model.categorical(field).categories()), mayBeMissing, imputedWith, null);
			});
		}
		return new ModelDescription("heart-disease" + artifact.tag(), artifact.trainedAt(), model.contentSha256(),
				artifact.labels(), artifact.threshold(), fields, artifact.evaluation(), artifact.dataset(),
				artifact.trainer(), artifact.libraries());
	}

	private static List<Code> codes(HeartDiseaseModel model, Field field, List<Integer> codes) {
		return codes.stream().map((code) -> new Code(code, model.meaning(field, code))).toList();
	}

}
