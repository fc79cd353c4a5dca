package org.heartdisease.model;

import java.util.List;

/**
 * The one place where a raw row becomes the model's feature vector: median imputation and
 * standardisation of the numeric fields, then mode imputation and one-hot encoding of the
 * categorical fields, in the pipeline's column order ({@link Preprocessor#columnNames()}).
 *
 * <p>The trainer fits LIBLINEAR on what {@link #extract(double[], double[])} gives for each data
 * row, and {@link HeartDiseaseModel} scores and explains a payload's row on what the same method
 * gives, so training and serving cannot drift apart. The fitted values are copied into flat arrays
 * once; extracting allocates nothing but the vector, which the caller may supply.
 */
public final class FeatureExtractor {

	/** Where each numeric field is read from the row, in pipeline order. */
	private final int[] numericSource;

	private final double[] medians;

	private final double[] means;

	private final double[] scales;

	/** Where each categorical field is read from the row, in pipeline order. */
	private final int[] categoricalSource;

	/** The codes of each categorical field, ascending: one column each. */
	private final int[][] categories;

	private final int[] modes;

	/** The first column of each categorical field. */
	private final int[] offsets;

	/** The field each column comes from, as its {@link Field#ordinal()}. */
	private final int[] fieldOfColumn;

	private final double[] imputed = new double[Field.all().size()];

	/**
	 * @param preprocessor fitted preprocessing with one feature per field, in {@link Field#numeric()}
	 * and {@link Field#categorical()} order
	 * @throws IllegalArgumentException if its features do not match the fields
	 */
	public FeatureExtractor(Preprocessor preprocessor) {
		List<NumericFeature> numeric = preprocessor.numeric();
		List<CategoricalFeature> categorical = preprocessor.categorical();
		if (numeric.size() != Field.numeric().size() || categorical.size() != Field.categorical().size()) {
			throw new IllegalArgumentException("preprocessing has " + numeric.size() + " numeric and "
					+ categorical.size() + " categorical features, expected " + Field.numeric().size() + " and "
					+ Field.categorical().size());
		}
		int columnCount = preprocessor.columnCount();
		this.fieldOfColumn = new int[columnCount];
		this.numericSource = new int[numeric.size()];
		this.medians = new double[numeric.size()];
		this.means = new double[numeric.size()];
		this.scales = new double[numeric.size()];
		for (int i = 0; i < numeric.size(); i++) {
			Field field = Field.numeric().get(i);
			NumericFeature feature = numeric.get(i);
			this.numericSource[i] = field.ordinal();
			this.medians[i] = feature.median();
			this.means[i] = feature.mean();
			this.scales[i] = feature.scale();
			this.fieldOfColumn[i] = field.ordinal();
			this.imputed[field.ordinal()] = feature.median();
		}
		this.categoricalSource = new int[categorical.size()];
		this.categories = new int[categorical.size()][];
		this.modes = new int[categorical.size()];
		this.offsets = new int[categorical.size()];
		int column = numeric.size();
		for (int i = 0; i < categorical.size(); i++) {
			Field field = Field.categorical().get(i);
			CategoricalFeature feature = categorical.get(i);
			this.categoricalSource[i] = field.ordinal();
			this.categories[i] = feature.categories().stream().mapToInt(Integer::intValue).toArray();
			this.modes[i] = feature.mode();
			this.offsets[i] = column;
			for (int j = 0; j < this.categories[i].length; j++) {
				this.fieldOfColumn[column++] = field.ordinal();
			}
			this.imputed[field.ordinal()] = feature.mode();
		}
	}

	/** @return the length of the feature vector */
	public int columnCount() {
		return this.fieldOfColumn.length;
	}

	/**
	 * @param column a column of the feature vector
	 * @return the {@link Field#ordinal()} of the field it comes from
	 */
	public int fieldOf(int column) {
		return this.fieldOfColumn[column];
	}

	/**
	 * @param field a field
	 * @return the value that stands in for it when it is missing: the median or the mode
	 */
	public double imputedValue(Field field) {
		return this.imputed[field.ordinal()];
	}

	/**
	 * @param row raw values in {@link Field} order, NaN where missing
	 * @return a new feature vector of {@link #columnCount()} columns
	 */
	public double[] extract(double[] row) {
		double[] columns = new double[columnCount()];
		extract(row, columns);
		return columns;
	}

	/**
	 * Writes every column of the feature vector. A numeric column is {@code (value - mean) / scale},
	 * the median standing in for a missing value (scikit-learn's {@code SimpleImputer(strategy="median")}
	 * and {@code StandardScaler}). A categorical field has one column per code seen in training: 1 in
	 * its code's column, the mode standing in for a missing code, and all zeros for a code not seen in
	 * training ({@code SimpleImputer(strategy="most_frequent")}, {@code OneHotEncoder(handle_unknown="ignore")}).
	 * @param row raw values in {@link Field} order, NaN where missing
	 * @param columns receives the feature vector; at least {@link #columnCount()} long
	 */
	public void extract(double[] row, double[] columns) {
		for (int i = 0; i < this.numericSource.length; i++) {
			double value = row[this.numericSource[i]];
			columns[i] = ((Double.isNaN(value) ? this.medians[i] : value) - this.means[i]) / this.scales[i];
		}
		for (int i = 0; i < this.categoricalSource.length; i++) {
			int[] codes = this.categories[i];
			int hot = hotIndex(codes, this.modes[i], row[this.categoricalSource[i]]);
			int offset = this.offsets[i];
			for (int j = 0; j < codes.length; j++) {
				columns[offset + j] = (j == hot) ? 1 : 0;
			}
		}
	}

	/** @return the index of the value's code among the codes, the mode standing in for NaN, or -1 */
	private static int hotIndex(int[] codes, int mode, double value) {
		double code = Double.isNaN(value) ? mode : value;
		if (code != Math.rint(code)) {
			return -1;
		}
		for (int j = 0; j < codes.length; j++) {
			if (codes[j] == code) {
				return j;
			}
		}
		return -1;
	}

}
