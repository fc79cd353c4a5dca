package org.heartdisease.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The 13 input fields of the UCI heart-disease data, in the order of the UCI file, with the
 * pipeline's treatment of each and its documented meaning.
 *
 * <p>The plausible ranges are clinical bounds, wider than anything in the Cleveland data; a value
 * outside them is a typo or a unit mistake, never a patient, so it is rejected rather than
 * extrapolated. The code labels follow the UCI coding; a model trained on another coding (the
 * Kaggle CSV) records the codes it saw, and those decide what it accepts.
 */
public enum Field {

	AGE("age", Kind.NUMERIC, "age", "years", 1, 120, Map.of()),
	SEX("sex", Kind.CATEGORICAL, "sex", null, 0, 1, Map.of(0, "female", 1, "male")),
	CP("cp", Kind.CATEGORICAL, "chest pain type", null, 1, 4,
			Map.of(1, "typical angina", 2, "atypical angina", 3, "non-anginal pain", 4, "asymptomatic")),
	TRESTBPS("trestbps", Kind.NUMERIC, "resting blood pressure on admission", "mm Hg", 50, 250, Map.of()),
	CHOL("chol", Kind.NUMERIC, "serum cholesterol", "mg/dl", 50, 700, Map.of()),
	FBS("fbs", Kind.BINARY, "fasting blood sugar > 120 mg/dl", null, 0, 1, Map.of(0, "false", 1, "true")),
	RESTECG("restecg", Kind.CATEGORICAL, "resting electrocardiogram", null, 0, 2,
			Map.of(0, "normal", 1, "ST-T wave abnormality", 2, "left ventricular hypertrophy")),
	THALACH("thalach", Kind.NUMERIC, "maximum heart rate achieved", "beats/min", 50, 250, Map.of()),
	EXANG("exang", Kind.BINARY, "exercise-induced angina", null, 0, 1, Map.of(0, "no", 1, "yes")),
	OLDPEAK("oldpeak", Kind.NUMERIC, "ST depression induced by exercise relative to rest", "mm", -5, 10, Map.of()),
	SLOPE("slope", Kind.CATEGORICAL, "slope of the peak exercise ST segment", null, 1, 3,
			Map.of(1, "upsloping", 2, "flat", 3, "downsloping")),
	CA("ca", Kind.CATEGORICAL, "major vessels coloured by fluoroscopy", "vessels", 0, 3, Map.of()),
	THAL("thal", Kind.CATEGORICAL, "thallium stress test", null, 3, 7,
			Map.of(3, "normal", 6, "fixed defect", 7, "reversible defect"));

	/** How a field enters the pipeline and how its values are checked. */
	public enum Kind {

		/** A measurement: median-imputed, standardised; any finite value in the plausible range. */
		NUMERIC,

		/** A 0/1 flag: treated as a number by the pipeline (imputed, standardised), but only 0 or 1. */
		BINARY,

		/** A code: mode-imputed, one-hot encoded; only the codes the model was trained on. */
		CATEGORICAL

	}

	private static final List<Field> ALL = List.of(values());

	private static final List<Field> NUMERIC = ALL.stream().filter((field) -> !field.isCategorical()).toList();

	// The order of scikit-learn's ColumnTransformer in the reference pipeline, not the UCI order.
	private static final List<Field> CATEGORICAL = List.of(SEX, CP, RESTECG, CA, SLOPE, THAL);

	private static final Map<String, Field> BY_NAME = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(Field::jsonName, (field) -> field));

	private final String jsonName;

	private final Kind kind;

	private final String description;

	private final String unit;

	private final double plausibleMin;

	private final double plausibleMax;

	private final Map<Integer, String> codeLabels;

	Field(String jsonName, Kind kind, String description, String unit, double plausibleMin, double plausibleMax,
			Map<Integer, String> codeLabels) {
		this.jsonName = jsonName;
		this.kind = kind;
		this.description = description;
		this.unit = unit;
		this.plausibleMin = plausibleMin;
		this.plausibleMax = plausibleMax;
		this.codeLabels = codeLabels;
	}

	/** @return the field's name in payloads, data files and the artifact */
	public String jsonName() {
		return this.jsonName;
	}

	public Kind kind() {
		return this.kind;
	}

	/** @return whether the pipeline one-hot encodes this field (otherwise it standardises it) */
	public boolean isCategorical() {
		return this.kind == Kind.CATEGORICAL;
	}

	public String description() {
		return this.description;
	}

	/** @return the unit of a measurement, or {@code null} for codes */
	public String unit() {
		return this.unit;
	}

	public double plausibleMin() {
		return this.plausibleMin;
	}

	public double plausibleMax() {
		return this.plausibleMax;
	}

	/** @return the UCI meaning of each code, empty for measurements and counts */
	public Map<Integer, String> codeLabels() {
		return this.codeLabels;
	}

	/** @return the fields in UCI column order */
	public static List<Field> all() {
		return ALL;
	}

	/** @return the fields the pipeline standardises, in the pipeline's column order */
	public static List<Field> numeric() {
		return NUMERIC;
	}

	/** @return the fields the pipeline one-hot encodes, in the pipeline's column order */
	public static List<Field> categorical() {
		return CATEGORICAL;
	}

	public static Optional<Field> byJsonName(String name) {
		return Optional.ofNullable(BY_NAME.get(name));
	}

}
