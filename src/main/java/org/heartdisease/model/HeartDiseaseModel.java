package org.heartdisease.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated, immutable model ready to score raw rows: the artifact's preprocessing and logistic
 * regression, checked once when it is built so that scoring needs no checks.
 */
public final class HeartDiseaseModel {

	private final ModelArtifact artifact;

	private final Preprocessor preprocessor;

	private final double[] weights;

	private final double intercept;

	private final FeatureExtractor extractor;

	private final Map<Field, NumericFeature> numericByField = new EnumMap<>(Field.class);

	private final Map<Field, CategoricalFeature> categoricalByField = new EnumMap<>(Field.class);

	private final String contentSha256;

	private final boolean uciCoding;

	/**
	 * @param artifact a model just trained, not yet written
	 * @throws InvalidModelException if the artifact's parts do not fit together
	 */
	public HeartDiseaseModel(ModelArtifact artifact) {
		this(artifact, null);
	}

	/**
	 * @param artifact a parsed artifact
	 * @param contentSha256 the checksum it was read with, {@code null} if it was not read from JSON
	 * @throws InvalidModelException if the artifact's parts do not fit together
	 */
	public HeartDiseaseModel(ModelArtifact artifact, String contentSha256) {
		this.artifact = artifact;
		this.contentSha256 = contentSha256;
		this.uciCoding = artifact.dataset() != null && ModelArtifact.Dataset.UCI_FORMAT.equals(artifact.dataset().format());
		this.preprocessor = check(artifact);
		this.weights = artifact.coefficients().stream().mapToDouble(Double::doubleValue).toArray();
		this.intercept = artifact.intercept();
		this.extractor = new FeatureExtractor(this.preprocessor);
		for (int i = 0; i < Field.categorical().size(); i++) {
			this.categoricalByField.put(Field.categorical().get(i), this.preprocessor.categorical().get(i));
		}
		for (int i = 0; i < Field.numeric().size(); i++) {
			this.numericByField.put(Field.numeric().get(i), this.preprocessor.numeric().get(i));
		}
	}

	private static Preprocessor check(ModelArtifact artifact) {
		List<String> problems = new ArrayList<>();
		if (!ModelArtifact.FORMAT.equals(artifact.format())) {
			problems.add("format is '" + artifact.format() + "', expected '" + ModelArtifact.FORMAT + "'");
		}
		if (artifact.schemaVersion() != ModelArtifact.SCHEMA_VERSION) {
			problems.add("schemaVersion is " + artifact.schemaVersion() + ", this build reads "
					+ ModelArtifact.SCHEMA_VERSION);
		}
		Preprocessor preprocessor = artifact.preprocessing();
		if (preprocessor == null || artifact.labels() == null || artifact.columns() == null
				|| artifact.coefficients() == null) {
			problems.add("preprocessing, labels, columns and coefficients are required");
			throw invalid(problems);
		}
		List<String> numericNames = preprocessor.numeric().stream().map(NumericFeature::name).toList();
		List<String> expectedNumeric = Field.numeric().stream().map(Field::jsonName).toList();
		if (!numericNames.equals(expectedNumeric)) {
			problems.add("numeric features are " + numericNames + ", expected " + expectedNumeric);
		}
		List<String> categoricalNames = preprocessor.categorical().stream().map(CategoricalFeature::name).toList();
		List<String> expectedCategorical = Field.categorical().stream().map(Field::jsonName).toList();
		if (!categoricalNames.equals(expectedCategorical)) {
			problems.add("categorical features are " + categoricalNames + ", expected " + expectedCategorical);
		}
		for (NumericFeature feature : preprocessor.numeric()) {
			if (!Double.isFinite(feature.median()) || !Double.isFinite(feature.mean())
					|| !Double.isFinite(feature.scale()) || feature.scale() <= 0) {
				problems.add("numeric feature '" + feature.name() + "' needs a finite median, mean and positive scale");
			}
		}
		for (CategoricalFeature feature : preprocessor.categorical()) {
			if (feature.categories().isEmpty() || !feature.categories().contains(feature.mode())
					|| feature.categories().stream().sorted().distinct().toList().size() != feature.categories().size()
					|| !feature.categories().stream().sorted().toList().equals(feature.categories())) {
				problems.add("categorical feature '" + feature.name()
						+ "' needs distinct ascending categories that include its mode");
			}
		}
		if (problems.isEmpty() && !preprocessor.columnNames().equals(artifact.columns())) {
			problems.add("columns " + artifact.columns() + " do not match the preprocessing's "
					+ preprocessor.columnNames());
		}
		if (artifact.coefficients().size() != artifact.columns().size()) {
			problems.add(artifact.coefficients().size() + " coefficients for " + artifact.columns().size() + " columns");
		}
		if (artifact.coefficients().stream().anyMatch((w) -> w == null || !Double.isFinite(w))
				|| !Double.isFinite(artifact.intercept())) {
			problems.add("coefficients and intercept must be finite numbers");
		}
		if (!(artifact.threshold() > 0 && artifact.threshold() < 1)) {
			problems.add("threshold must lie strictly between 0 and 1");
		}
		if (!problems.isEmpty()) {
			throw invalid(problems);
		}
		return preprocessor;
	}

	private static InvalidModelException invalid(List<String> problems) {
		return new InvalidModelException(String.join("; ", problems));
	}

	public ModelArtifact artifact() {
		return this.artifact;
	}

	/** @return the artifact's verified {@code contentSha256}, or {@code null} for a model not read from JSON */
	public String contentSha256() {
		return this.contentSha256;
	}

	/**
	 * @param row raw values in {@link Field} order, NaN where missing
	 * @return the log-odds of disease
	 */
	public double logit(double[] row) {
		return accumulate(row, null);
	}

	/**
	 * The log-odds of disease split exactly by field: each numeric field's coefficient times its
	 * standardised value, each categorical field's coefficient of its one-hot column. The intercept
	 * plus the contributions is the logit, summed in the pipeline's column order, so it equals
	 * {@link #logit} to the last bit.
	 * @param row raw values in {@link Field} order, NaN where missing
	 * @param contributions receives each field's contribution at its {@link Field#ordinal()}
	 * @return the log-odds of disease
	 */
	public double explain(double[] row, double[] contributions) {
		return accumulate(row, Objects.requireNonNull(contributions));
	}

	/** @return the intercept, the log-odds of disease before any field's contribution */
	public double intercept() {
		return this.intercept;
	}

	/**
	 * @param field a field
	 * @return the value that stands in for it when it is missing: the median or the mode
	 */
	public double imputedValue(Field field) {
		return this.extractor.imputedValue(field);
	}

	// One loop for logit and explanation over the extractor's feature vector, summed in column
	// order: the contributions and the logit are the same products, so they agree to the last bit.
	// A one-hot column that is not hot adds w * 0, which leaves every sum unchanged.
	private double accumulate(double[] row, double[] contributions) {
		double[] columns = new double[this.weights.length];
		this.extractor.extract(row, columns);
		if (contributions != null) {
			Arrays.fill(contributions, 0);
		}
		double sum = this.intercept;
		for (int j = 0; j < columns.length; j++) {
			double contribution = this.weights[j] * columns[j];
			sum += contribution;
			if (contributions != null) {
				contributions[this.extractor.fieldOf(j)] += contribution;
			}
		}
		return sum;
	}

	/**
	 * @param row raw values in {@link Field} order, NaN where missing
	 * @return the probability of disease
	 */
	public double probability(double[] row) {
		return probabilityOf(logit(row));
	}

	/** @return the probability for these log-odds, the logistic function */
	public static double probabilityOf(double logit) {
		return 1 / (1 + Math.exp(-logit));
	}

	/** @return whether this probability of disease reaches the threshold */
	public boolean isPositive(double probability) {
		return probability >= this.artifact.threshold();
	}

	/** @return the diagnosis label for this probability of disease */
	public String label(double probability) {
		ModelArtifact.Labels labels = this.artifact.labels();
		return isPositive(probability) ? labels.positive() : labels.negative();
	}

	/**
	 * @param field a field
	 * @param code one of its codes
	 * @return what the code means, or {@code null}: the UCI meanings hold for the 0/1 flags always,
	 * and for the categorical codes only when the model was trained on the UCI file, since other
	 * sources (the Kaggle CSV) renumber them
	 */
	public String meaning(Field field, int code) {
		if (field.isCategorical() && !this.uciCoding) {
			return null;
		}
		return field.codeLabels().get(code);
	}

	/** @return the categorical feature of this field */
	public CategoricalFeature categorical(Field field) {
		return Objects.requireNonNull(this.categoricalByField.get(field), () -> field + " is not categorical");
	}

	/** @return the numeric feature of this field */
	public NumericFeature numeric(Field field) {
		return Objects.requireNonNull(this.numericByField.get(field), () -> field + " is not numeric");
	}

}
