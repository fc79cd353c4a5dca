package org.heartdisease.prediction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.heartdisease.model.Field;
import org.heartdisease.model.HeartDiseaseModel;

/**
 * Splits a prediction into per-field contributions, with every label of a code prepared once so
 * that an explanation costs a few hundred nanoseconds.
 */
final class Explainer {

	private final HeartDiseaseModel model;

	private final Map<Field, Map<Integer, String>> codeLabels = new EnumMap<>(Field.class);

	Explainer(HeartDiseaseModel model) {
		this.model = model;
		for (Field field : Field.all()) {
			if (field.kind() != Field.Kind.NUMERIC) {
				Map<Integer, String> labels = new HashMap<>();
				List<Integer> codes = field.isCategorical() ? model.categorical(field).categories() : List.of(0, 1);
				for (int code : codes) {
					labels.put(code, describe(model, field, code));
				}
				this.codeLabels.put(field, labels);
			}
		}
	}

	/**
	 * @param row the payload's values in {@link Field} order, NaN where missing
	 * @return the explanation, whose logit is exactly the model's
	 */
	Explanation explain(double[] row) {
		double[] contributions = new double[Field.all().size()];
		double logit = this.model.explain(row, contributions);
		Integer[] order = new Integer[contributions.length];
		Arrays.setAll(order, (i) -> i);
		Arrays.sort(order, (a, b) -> Double.compare(Math.abs(contributions[b]), Math.abs(contributions[a])));
		List<Explanation.Contribution> sorted = new ArrayList<>(contributions.length);
		for (int i : order) {
			Field field = Field.all().get(i);
			boolean imputed = Double.isNaN(row[i]);
			double value = imputed ? this.model.imputedValue(field) : row[i];
			sorted.add(new Explanation.Contribution(field.jsonName(), value, label(field, value, imputed),
					contributions[i], imputed));
		}
		return new Explanation(this.model.intercept(), logit, sorted);
	}

	private String label(Field field, double value, boolean imputed) {
		String label = (field.kind() == Field.Kind.NUMERIC) ? describe(this.model, field, value)
				: this.codeLabels.get(field).get((int) value);
		return imputed ? label + ", imputed" : label;
	}

	private static String describe(HeartDiseaseModel model, Field field, double value) {
		String text = field.jsonName() + " = " + PayloadValidator.format(value);
		String meaning = (value == Math.rint(value)) ? model.meaning(field, (int) value) : null;
		if (meaning != null) {
			return text + " (" + meaning + ")";
		}
		return (field.unit() != null) ? text + " " + field.unit() : text;
	}

}
