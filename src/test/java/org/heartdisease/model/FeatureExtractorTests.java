package org.heartdisease.model;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The feature vector, column by column, on a preprocessing small enough to work out by hand; and
 * the model scoring exactly the vector the extractor gives.
 */
class FeatureExtractorTests {

	// age, trestbps, chol, fbs, thalach, exang, oldpeak: median, mean, scale chosen to give round values.
	private static final List<NumericFeature> NUMERIC = List.of(new NumericFeature("age", 50, 40, 10, 0, 0, 0),
			new NumericFeature("trestbps", 120, 100, 20, 0, 0, 0), new NumericFeature("chol", 200, 250, 50, 0, 0, 0),
			new NumericFeature("fbs", 0, 0.5, 0.5, 0, 0, 0), new NumericFeature("thalach", 150, 140, 5, 0, 0, 0),
			new NumericFeature("exang", 0, 0.25, 0.5, 0, 0, 0), new NumericFeature("oldpeak", 1, 2, 4, 0, 0, 0));

	// sex, cp, restecg, ca, slope, thal: the pipeline's order, not the UCI order.
	private static final List<CategoricalFeature> CATEGORICAL = List.of(new CategoricalFeature("sex", List.of(0, 1), 1, 0),
			new CategoricalFeature("cp", List.of(1, 2, 3, 4), 4, 0), new CategoricalFeature("restecg", List.of(0, 2), 0, 0),
			new CategoricalFeature("ca", List.of(0, 1, 2, 3), 0, 0), new CategoricalFeature("slope", List.of(1, 2, 3), 2, 0),
			new CategoricalFeature("thal", List.of(3, 6, 7), 3, 0));

	private final Preprocessor preprocessor = new Preprocessor(NUMERIC, CATEGORICAL);

	private final FeatureExtractor extractor = new FeatureExtractor(this.preprocessor);

	@Test
	void shouldStandardiseThenOneHotEncodeInThePipelinesColumnOrder() {
		// UCI order: age sex cp trestbps chol fbs restecg thalach exang oldpeak slope ca thal
		double[] row = { 60, 0, 2, 140, 150, 1, 2, 160, 1, 6, 3, 1, 7 };
		assertThat(this.extractor.columnCount()).isEqualTo(this.preprocessor.columnNames().size()).isEqualTo(25);
		assertThat(this.extractor.extract(row)).containsExactly(
				// age trestbps chol fbs thalach exang oldpeak
				2, 2, -2, 1, 4, 1.5, 1,
				// sex=0,1  cp=1..4  restecg=0,2  ca=0..3  slope=1..3  thal=3,6,7
				1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1);
	}

	@Test
	void shouldImputeTheMedianAndTheModeAndLeaveAnUnseenCodeWithoutAColumn() {
		double[] row = new double[13];
		Arrays.fill(row, Double.NaN);
		row[Field.RESTECG.ordinal()] = 1;
		row[Field.CA.ordinal()] = 0.5;
		assertThat(this.extractor.extract(row)).containsExactly(1, 1, -1, -1, 2, -0.5, -0.25,
				0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0);
		assertThat(this.extractor.imputedValue(Field.AGE)).isEqualTo(50);
		assertThat(this.extractor.imputedValue(Field.THAL)).isEqualTo(3);
	}

	@Test
	void shouldOverwriteEveryColumnOfAReusedVector() {
		double[] row = { 60, 0, 2, 140, 150, 1, 2, 160, 1, 6, 3, 1, 7 };
		double[] reused = new double[25];
		Arrays.fill(reused, 42);
		this.extractor.extract(row, reused);
		assertThat(reused).containsExactly(this.extractor.extract(row));
	}

	@Test
	void shouldNameTheFieldOfEveryColumn() {
		List<String> names = this.preprocessor.columnNames();
		for (int j = 0; j < names.size(); j++) {
			assertThat(names.get(j)).startsWith(Field.all().get(this.extractor.fieldOf(j)).jsonName());
		}
	}

	@Test
	void shouldScoreAndExplainTheExtractedVector() {
		double[] coefficients = new double[25];
		Arrays.setAll(coefficients, (j) -> (j % 3 - 1) * (j + 1) / 7.0);
		HeartDiseaseModel model = new HeartDiseaseModel(new ModelArtifact(ModelArtifact.FORMAT,
				ModelArtifact.SCHEMA_VERSION, "", null, ModelArtifact.Labels.DEFAULT, 0.5, this.preprocessor,
				this.preprocessor.columnNames(), Arrays.stream(coefficients).boxed().toList(), -0.3, null, null, null,
				null, null));
		double[] row = { 60, 0, 2, 140, 150, Double.NaN, 2, 160, 1, 6, 3, 1, 9 };
		double[] x = this.extractor.extract(row);
		double logit = -0.3;
		double[] byField = new double[13];
		for (int j = 0; j < x.length; j++) {
			logit += coefficients[j] * x[j];
			byField[this.extractor.fieldOf(j)] += coefficients[j] * x[j];
		}
		double[] contributions = new double[13];
		Arrays.fill(contributions, 7);
		assertThat(model.logit(row)).isEqualTo(logit);
		assertThat(model.explain(row, contributions)).isEqualTo(logit);
		assertThat(contributions).containsExactly(byField);
		// thal = 9 was never seen: no column, no contribution.
		assertThat(contributions[Field.THAL.ordinal()]).isZero();
		assertThat(model.probability(row)).isEqualTo(1 / (1 + Math.exp(-logit)));
	}

	@Test
	void shouldRefuseAPreprocessingWithoutAFeaturePerField() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FeatureExtractor(new Preprocessor(NUMERIC.subList(0, 6), CATEGORICAL)))
			.withMessageContaining("6 numeric");
	}

}
