package org.heartdisease.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The model artifact as stored in {@code model/heart-disease{tag}.json}: plain, versioned JSON that
 * holds everything needed to predict and everything needed to judge the model. Documented field by
 * field in the README ("The model artifact").
 *
 * @param format always {@link #FORMAT}
 * @param schemaVersion the version of this layout, {@link #SCHEMA_VERSION}
 * @param tag the name suffix given to {@code --train --tag}, empty by default
 * @param trainedAt when the model was trained, ISO-8601 UTC
 * @param labels the two outcomes' names
 * @param threshold the probability of disease from which the diagnosis is {@code labels.positive}
 * @param preprocessing imputation, scaling and one-hot encoding
 * @param columns the names of the feature columns, one per coefficient
 * @param coefficients the logistic regression's weights, one per column
 * @param intercept the logistic regression's intercept
 * @param evaluation how well the model did on held-out data
 * @param dataset where the training data came from
 * @param trainer how the model was trained
 * @param libraries the versions of the software that trained it
 * @param trainingDistribution what each field's values were in the rows the model was fitted on, what
 * served payloads are compared with for drift; {@code null} in artifacts written before it existed
 * (optional in schema version 1: such artifacts load, with drift off)
 */
public record ModelArtifact(String format, int schemaVersion, String tag, String trainedAt, Labels labels,
		double threshold, Preprocessor preprocessing, List<String> columns, List<Double> coefficients,
		double intercept, Evaluation evaluation, Dataset dataset, Trainer trainer, Map<String, String> libraries,
		@JsonInclude(JsonInclude.Include.NON_NULL) TrainingDistribution trainingDistribution) {

	/** The value of {@code format} in every artifact. */
	public static final String FORMAT = "heart-disease-logistic-regression";

	/** The layout this code reads and writes. */
	public static final int SCHEMA_VERSION = 1;

	/**
	 * The two outcomes.
	 * @param negative the diagnosis below the threshold
	 * @param positive the diagnosis at or above the threshold
	 */
	public record Labels(String negative, String positive) {

		/** The labels of every artifact this project writes. */
		public static final Labels DEFAULT = new Labels("clear", "heart-disease");

	}

	/**
	 * Provenance of the training data.
	 * @param source the file name or URL given to {@code --dataset}
	 * @param sha256 the SHA-256 of the file's bytes
	 * @param format {@link #UCI_FORMAT} or {@link #CSV_FORMAT}
	 * @param rows the number of data rows
	 * @param label the label column
	 * @param positiveValues the label values that mean disease
	 * @param positives rows with disease
	 * @param negatives rows without disease
	 * @param missing missing values per field (fields with none left out)
	 */
	public record Dataset(String source, String sha256, String format, int rows, String label,
			List<String> positiveValues, int positives, int negatives, Map<String, Integer> missing) {

		/**
		 * The {@code format} of data in the raw UCI layout, coded as the UCI documents its fields; defined
		 * here, where the artifact is read, so that serving need not depend on the training code.
		 */
		public static final String UCI_FORMAT = "uci";

		/** The {@code format} of headered CSV data, such as Kaggle's {@code heart.csv}. */
		public static final String CSV_FORMAT = "csv";

	}

	/**
	 * The trainer's settings.
	 * @param solver the optimiser, for example {@code liblinear L2R_LR}
	 * @param c the inverse regularisation strength
	 * @param epsilon the solver's stopping tolerance
	 * @param interceptPenalised whether the L2 penalty covers the intercept (LIBLINEAR's bias term)
	 * @param seed the seed of the hold-out split and the cross-validation folds
	 * @param testSize the share of rows held out for validation
	 * @param folds the number of cross-validation folds
	 */
	public record Trainer(String solver, double c, double epsilon, boolean interceptPenalised, long seed,
			double testSize, int folds) {
	}

}
