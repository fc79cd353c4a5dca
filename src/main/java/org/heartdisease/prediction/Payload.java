package org.heartdisease.prediction;

import org.heartdisease.model.Field;

/**
 * One patient's 13 measurements in the UCI coding (see {@link Field} and the README's API
 * section); {@code null} marks a value that was not given.
 *
 * @param age years
 * @param sex 1 male, 0 female
 * @param cp chest pain type: 1 typical angina, 2 atypical angina, 3 non-anginal pain, 4 asymptomatic
 * @param trestbps resting blood pressure on admission, mm Hg
 * @param chol serum cholesterol, mg/dl
 * @param fbs fasting blood sugar above 120 mg/dl: 1 true, 0 false
 * @param restecg resting ECG: 0 normal, 1 ST-T wave abnormality, 2 left ventricular hypertrophy
 * @param thalach maximum heart rate achieved, beats/min
 * @param exang exercise-induced angina: 1 yes, 0 no
 * @param oldpeak ST depression induced by exercise relative to rest
 * @param slope slope of the peak exercise ST segment: 1 upsloping, 2 flat, 3 downsloping
 * @param ca major vessels coloured by fluoroscopy, 0-3; may be missing
 * @param thal thallium stress test: 3 normal, 6 fixed defect, 7 reversible defect; may be missing
 */
public record Payload(Double age, Double sex, Double cp, Double trestbps, Double chol, Double fbs, Double restecg,
		Double thalach, Double exang, Double oldpeak, Double slope, Double ca, Double thal) {

	/**
	 * @param values 13 values in {@link Field} order, {@code null} where missing
	 * @return the payload
	 */
	public static Payload of(Double... values) {
		if (values.length != Field.all().size()) {
			throw new IllegalArgumentException("a payload has " + Field.all().size() + " values, not " + values.length);
		}
		return new Payload(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7],
				values[8], values[9], values[10], values[11], values[12]);
	}

	/** @return the value of this field, or {@code null} */
	public Double get(Field field) {
		return switch (field) {
			case AGE -> this.age;
			case SEX -> this.sex;
			case CP -> this.cp;
			case TRESTBPS -> this.trestbps;
			case CHOL -> this.chol;
			case FBS -> this.fbs;
			case RESTECG -> this.restecg;
			case THALACH -> this.thalach;
			case EXANG -> this.exang;
			case OLDPEAK -> this.oldpeak;
			case SLOPE -> this.slope;
			case CA -> this.ca;
			case THAL -> this.thal;
		};
	}

	/** @return the values in {@link Field} order, NaN where missing, as the model takes them */
	double[] toRow() {
		double[] row = new double[Field.all().size()];
		for (Field field : Field.all()) {
			Double value = get(field);
			row[field.ordinal()] = (value != null) ? value : Double.NaN;
		}
		return row;
	}

}
