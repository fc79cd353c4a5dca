package org.heartdisease.model;

import java.util.ArrayList;
import java.util.List;
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

	/**
	 * @param artifact a parsed artifact
	 * @throws InvalidModelException if the artifact's parts do not fit together
	 */
	public HeartDiseaseModel(ModelArtifact artifact) {
		this.artifact = artifact;
		this.preprocessor = check(artifact);
		this.weights = artifact.coefficients().stream().mapToDouble(Double::doubleValue).toArray();
		this.intercept = artifact.intercept();
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

	public Preprocessor preprocessor() {
		return this.preprocessor;
	}

	/**
	 * @param row raw values in {@link Field} order, NaN where missing
	 * @return the log-odds of disease
	 */
	public double logit(double[] row) {
		double[] columns = this.preprocessor.transform(row);
		double sum = this.intercept;
		for (int i = 0; i < columns.length; i++) {
			sum += this.weights[i] * columns[i];
		}
		return sum;
	}

	/**
	 * @param row raw values in {@link Field} order, NaN where missing
	 * @return the probability of disease
	 */
	public double probability(double[] row) {
		return 1 / (1 + Math.exp(-logit(row)));
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

	/** @return the categorical feature of this field */
	public CategoricalFeature categorical(Field field) {
		Objects.requireNonNull(field);
		return this.preprocessor.categorical().get(Field.categorical().indexOf(field));
	}

	/** @return the numeric feature of this field */
	public NumericFeature numeric(Field field) {
		return this.preprocessor.numeric().get(Field.numeric().indexOf(field));
	}

}
