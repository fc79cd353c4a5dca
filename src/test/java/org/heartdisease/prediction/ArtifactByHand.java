package org.heartdisease.prediction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.model.Field;

/**
 * The committed artifact's arithmetic done by hand, from its JSON alone: the test's own reading of
 * {@code model/heart-disease.json} with a plain Jackson tree, and its own logit, written from the
 * artifact's documented meaning (each column is either a numeric field's {@code (value - mean) / scale},
 * the median for a missing value, or a one-hot {@code field=code} column, the mode for a missing
 * code), with none of the model package's arithmetic. A model that scored differently from its artifact (a
 * column shifted, a wrong mean, a sign flipped) would disagree with it.
 */
final class ArtifactByHand {

	static final Path COMMITTED = Path.of("model/heart-disease.json");

	private static ArtifactByHand committed;

	private final Map<String, JsonNode> numeric = new HashMap<>();

	private final Map<String, JsonNode> categorical = new HashMap<>();

	private final String[] columns;

	private final double[] coefficients;

	private final double intercept;

	private final double threshold;

	private final String positive;

	private final String negative;

	private ArtifactByHand(JsonNode json) {
		json.get("preprocessing").get("numeric").forEach((node) -> this.numeric.put(node.get("name").asText(), node));
		json.get("preprocessing").get("categorical")
			.forEach((node) -> this.categorical.put(node.get("name").asText(), node));
		JsonNode columnNames = json.get("columns");
		JsonNode weights = json.get("coefficients");
		if (columnNames.size() != weights.size()) {
			throw new IllegalStateException(columnNames.size() + " columns, " + weights.size() + " coefficients");
		}
		this.columns = new String[columnNames.size()];
		this.coefficients = new double[weights.size()];
		for (int j = 0; j < this.columns.length; j++) {
			this.columns[j] = columnNames.get(j).asText();
			this.coefficients[j] = weights.get(j).doubleValue();
		}
		this.intercept = json.get("intercept").doubleValue();
		this.threshold = json.get("threshold").doubleValue();
		this.positive = json.get("labels").get("positive").asText();
		this.negative = json.get("labels").get("negative").asText();
	}

	static synchronized ArtifactByHand committed() {
		if (committed == null) {
			try {
				committed = new ArtifactByHand(new ObjectMapper().readTree(COMMITTED.toFile()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return committed;
	}

	/** @return the artifact's threshold */
	double threshold() {
		return this.threshold;
	}

	/** @return the artifact's intercept */
	double intercept() {
		return this.intercept;
	}

	/**
	 * @param payload a patient
	 * @return each field's share of the logit, by field name, in column order
	 */
	Map<String, Double> contributions(Payload payload) {
		Map<String, Double> contributions = new LinkedHashMap<>();
		for (int j = 0; j < this.columns.length; j++) {
			String column = this.columns[j];
			int equals = column.indexOf('=');
			String name = (equals < 0) ? column : column.substring(0, equals);
			double value = valueOf(payload, name);
			double x;
			if (equals < 0) {
				JsonNode feature = this.numeric.get(name);
				double present = Double.isNaN(value) ? feature.get("median").doubleValue() : value;
				x = (present - feature.get("mean").doubleValue()) / feature.get("scale").doubleValue();
			}
			else {
				double code = Double.isNaN(value) ? this.categorical.get(name).get("mode").doubleValue() : value;
				x = (code == Double.parseDouble(column.substring(equals + 1))) ? 1 : 0;
			}
			contributions.merge(name, this.coefficients[j] * x, Double::sum);
		}
		return contributions;
	}

	/** @return the log-odds of disease */
	double logit(Payload payload) {
		double logit = this.intercept;
		for (double contribution : contributions(payload).values()) {
			logit += contribution;
		}
		return logit;
	}

	/** @return the probability of disease */
	double probability(Payload payload) {
		return 1 / (1 + Math.exp(-logit(payload)));
	}

	/** @return the diagnosis at the artifact's threshold */
	String label(Payload payload) {
		return (probability(payload) >= this.threshold) ? this.positive : this.negative;
	}

	private static double valueOf(Payload payload, String name) {
		Double value = payload.get(Field.byJsonName(name).orElseThrow(() -> new IllegalStateException(name)));
		return (value != null) ? value : Double.NaN;
	}

}
