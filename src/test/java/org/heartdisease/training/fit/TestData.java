package org.heartdisease.training.fit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real data files beside the project, skipping a test (never failing it) when they are absent.
 */
public final class TestData {

	private TestData() {
	}

	/** @return the UCI Cleveland file, or skips the test */
	public static Path cleveland() {
		return find("the UCI Cleveland file processed.cleveland.data",
				"UCI Machine Learning Repository, Heart Disease (id 45), https://archive.ics.uci.edu/dataset/45/heart+disease",
				"datasets/processed.cleveland.data", "../shared/datasets/uci-heart-disease/processed.cleveland.data");
	}

	/** @return the scikit-learn reference predictions, or skips the test */
	public static Path reference() {
		return find("the scikit-learn reference sklearn-reference-cleveland.csv",
				"../shared/reference/make_reference.py (scikit-learn 1.2.1)", "datasets/sklearn-reference-cleveland.csv",
				"../shared/reference/sklearn-reference-cleveland.csv");
	}

	/** @return the Kaggle CSV, or skips the test */
	public static Path kaggle() {
		return find("the Kaggle heart.csv", "Kaggle, \"Heart Disease UCI\" (heart.csv)", "datasets/heart.csv",
				"../shared/datasets/kaggle-heart/heart.csv");
	}

	/**
	 * The system property that hides the real data when set to {@value #HIDDEN}
	 * ({@code ./mvnw test -Dheart.test.data=none}), to see which tests skip on a fresh clone.
	 */
	public static final String PROPERTY = "heart.test.data";

	public static final String HIDDEN = "none";

	private static Path find(String what, String whereToGet, String... candidates) {
		if (HIDDEN.equals(System.getProperty(PROPERTY))) {
			Assumptions.abort(what + " is hidden by -D" + PROPERTY + "=" + HIDDEN + "; get it from " + whereToGet);
		}
		for (String candidate : candidates) {
			Path path = Path.of(candidate);
			if (Files.isRegularFile(path)) {
				return path;
			}
		}
		Assumptions.abort(what + " is missing (looked at " + List.of(candidates) + "); get it from " + whereToGet);
		throw new AssertionError("unreachable");
	}

	/**
	 * @param column a column of the reference file
	 * @return its 303 values, in row order
	 */
	public static double[] referenceColumn(String column) throws IOException {
		List<String> lines = Files.readAllLines(reference());
		List<String> header = List.of(lines.get(0).split(","));
		int index = header.indexOf(column);
		List<Double> values = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			values.add(Double.parseDouble(line.split(",")[index]));
		}
		return values.stream().mapToDouble(Double::doubleValue).toArray();
	}

	/**
	 * @param data the training data
	 * @return the settings of a plain {@code --train --dataset=data}: seed 42, test size 0.2, 5 folds
	 */
	public static TrainingSettings settings(Path data) {
		return settings(data, null, List.of(), 5);
	}

	/**
	 * @param data the training data
	 * @param label the label column of csv data, or {@code null}
	 * @param positive the label values of csv data that mean disease
	 * @param folds the number of folds, or {@link TrainingSettings#LEAVE_ONE_OUT}
	 * @return the settings of {@code --train} with these options and the defaults for the rest
	 */
	public static TrainingSettings settings(Path data, String label, List<String> positive, int folds) {
		return new TrainingSettings(data.toString(), null, null, label, positive, List.of(), Map.of(), 0.2, 42, folds,
				"");
	}

	/** @return the Cleveland rows and labels */
	public static Dataset clevelandDataset() {
		Path path = cleveland();
		return DatasetReader.read(DatasetSource.load(path.toString(), null), DatasetFormat.UCI, null, List.of());
	}

	public static Map<String, Integer> expectedClevelandMissing() {
		return Map.of("ca", 4, "thal", 2);
	}

}
