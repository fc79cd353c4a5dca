package org.heartdisease.training.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

import org.heartdisease.model.FeatureExtractor;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.model.ModelArtifact;
import org.heartdisease.model.Preprocessor;

/**
 * Fits the pipeline to labelled rows: the {@link Preprocessor} on those rows only, then LIBLINEAR's
 * L2-regularised logistic regression (trust-region Newton), whose bias term is penalised like the
 * weights, as scikit-learn's {@code LogisticRegression(solver="liblinear")}.
 */
public final class LogisticRegressionTrainer {

	/** The name of the solver, for the artifact. */
	public static final String SOLVER = "liblinear " + SolverType.L2R_LR;

	/** The inverse regularisation strength of the reference pipeline. */
	public static final double DEFAULT_C = 1.0;

	/** The stopping tolerance of the reference pipeline ({@code tol=1e-10}). */
	public static final double DEFAULT_EPSILON = 1e-10;

	/** The value of LIBLINEAR's constant bias feature; its weight is the intercept. */
	private static final double BIAS = 1.0;

	/**
	 * The probability from which a row is predicted diseased: the threshold every artifact records,
	 * which the served model, the hold-out and the cross-validation all apply.
	 */
	public static final double DEFAULT_THRESHOLD = 0.5;

	static {
		Linear.disableDebugOutput();
	}

	private final double c;

	private final double epsilon;

	private final double threshold;

	public LogisticRegressionTrainer() {
		this(DEFAULT_C, DEFAULT_EPSILON);
	}

	/**
	 * @param c the inverse regularisation strength
	 * @param epsilon the solver's stopping tolerance
	 */
	public LogisticRegressionTrainer(double c, double epsilon) {
		this(c, epsilon, DEFAULT_THRESHOLD);
	}

	/**
	 * @param c the inverse regularisation strength
	 * @param epsilon the solver's stopping tolerance
	 * @param threshold the decision threshold the fitted artifacts record
	 */
	public LogisticRegressionTrainer(double c, double epsilon, double threshold) {
		if (!(threshold > 0 && threshold < 1)) {
			throw new IllegalArgumentException("the threshold must lie strictly between 0 and 1, not " + threshold);
		}
		this.c = c;
		this.epsilon = epsilon;
		this.threshold = threshold;
	}

	public double c() {
		return this.c;
	}

	public double epsilon() {
		return this.epsilon;
	}

	/** @return the decision threshold of every artifact this trainer fits */
	public double threshold() {
		return this.threshold;
	}

	/**
	 * @param rows raw rows in {@link org.heartdisease.model.Field} order, NaN where missing
	 * @param labels whether each row has the disease; both classes must occur
	 * @return the fitted model, with the default labels and threshold and no provenance
	 */
	public HeartDiseaseModel fit(List<double[]> rows, boolean[] labels) {
		if (rows.size() != labels.length) {
			throw new IllegalArgumentException(rows.size() + " rows but " + labels.length + " labels");
		}
		Preprocessor preprocessor = Preprocessor.fit(rows);
		// The same extractor the fitted model scores with, so fitting and serving see the same vectors.
		FeatureExtractor extractor = new FeatureExtractor(preprocessor);
		int columns = extractor.columnCount();
		Problem problem = new Problem();
		problem.l = rows.size();
		// The Java port, like LIBLINEAR's C API, expects the caller to append the bias feature to
		// every row (index n) and to count it in n; Problem.bias only records its value.
		problem.n = columns + 1;
		problem.bias = BIAS;
		problem.x = new Feature[rows.size()][];
		problem.y = new double[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			problem.x[i] = features(extractor.extract(rows.get(i)));
			problem.y[i] = labels[i] ? 1 : 0;
		}
		Parameter parameter = new Parameter(SolverType.L2R_LR, this.c, this.epsilon);
		Model model = Linear.train(problem, parameter);
		double[] w = model.getFeatureWeights();
		if (w.length != columns + 1 || model.getNrClass() != 2) {
			throw new IllegalStateException("LIBLINEAR returned " + w.length + " weights for " + model.getNrClass()
					+ " classes; expected " + (columns + 1) + " weights for 2 classes");
		}
		// For two classes LIBLINEAR keeps one weight vector, for the first label it met.
		double sign = (model.getLabels()[0] == 1) ? 1 : -1;
		List<Double> coefficients = new ArrayList<>(columns);
		for (int j = 0; j < columns; j++) {
			coefficients.add(sign * w[j]);
		}
		double intercept = sign * w[columns] * BIAS;
		return new HeartDiseaseModel(new ModelArtifact(ModelArtifact.FORMAT, ModelArtifact.SCHEMA_VERSION, "", null,
				ModelArtifact.Labels.DEFAULT, this.threshold, preprocessor, preprocessor.columnNames(), coefficients,
				intercept, null, null, null, Map.of(), null));
	}

	private static Feature[] features(double[] columns) {
		List<Feature> features = new ArrayList<>(columns.length + 1);
		for (int j = 0; j < columns.length; j++) {
			if (columns[j] != 0) {
				features.add(new FeatureNode(j + 1, columns[j]));
			}
		}
		features.add(new FeatureNode(columns.length + 1, BIAS));
		return features.toArray(Feature[]::new);
	}

}
