package org.heartdisease.prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.heartdisease.model.CategoricalFeature;
import org.heartdisease.model.Field;
import org.heartdisease.model.HeartDiseaseModel;

/**
 * Checks a payload against the model's schema before any arithmetic, reporting every problem.
 *
 * <p>Written by hand rather than with Bean Validation: the allowed codes and which fields may be
 * missing come from the loaded model, not from annotations fixed at compile time.
 */
public final class PayloadValidator {

	private final HeartDiseaseModel model;

	private final Map<Field, String> allowedCodes;

	public PayloadValidator(HeartDiseaseModel model) {
		this.model = model;
		this.allowedCodes = Field.categorical().stream()
			.collect(Collectors.toMap((field) -> field, (field) -> describeCodes(model, field)));
	}

	/**
	 * @param payload the payload, possibly with nulls
	 * @return every problem found, empty when the model may score it
	 */
	public List<FieldError> validate(Payload payload) {
		List<FieldError> errors = new ArrayList<>();
		for (Field field : Field.all()) {
			String problem = check(field, payload.get(field));
			if (problem != null) {
				errors.add(FieldError.of(field.jsonName(), problem));
			}
		}
		return errors;
	}

	/** @return whether this field may be absent: only fields that were missing in training are imputed */
	public boolean mayBeMissing(Field field) {
		int missingInTraining = field.isCategorical() ? this.model.categorical(field).missing()
				: this.model.numeric(field).missing();
		return missingInTraining > 0;
	}

	private String check(Field field, Double value) {
		if (value == null) {
			return mayBeMissing(field) ? null : "is required";
		}
		if (!Double.isFinite(value)) {
			return "must be a finite number";
		}
		switch (field.kind()) {
			case CATEGORICAL -> {
				CategoricalFeature feature = this.model.categorical(field);
				if (value != Math.rint(value) || !feature.categories().contains((int) value.doubleValue())) {
					return "must be one of " + this.allowedCodes.get(field) + "; got " + format(value);
				}
			}
			case BINARY -> {
				if (value != 0 && value != 1) {
					return "must be 0 (" + this.model.meaning(field, 0) + ") or 1 (" + this.model.meaning(field, 1)
							+ "); got " + format(value);
				}
			}
			case NUMERIC -> {
				if (value < field.plausibleMin() || value > field.plausibleMax()) {
					return "must be between " + format(field.plausibleMin()) + " and " + format(field.plausibleMax())
							+ ((field.unit() != null) ? " " + field.unit() : "") + "; got " + format(value);
				}
			}
		}
		return null;
	}

	private static String describeCodes(HeartDiseaseModel model, Field field) {
		return model.categorical(field).categories().stream().map((code) -> {
			String meaning = model.meaning(field, code);
			return (meaning != null) ? code + " (" + meaning + ")" : String.valueOf(code);
		}).collect(Collectors.joining(", "));
	}

	static String format(double value) {
		return (value == Math.rint(value) && Math.abs(value) < 1e15) ? String.valueOf((long) value)
				: String.valueOf(value);
	}

}
