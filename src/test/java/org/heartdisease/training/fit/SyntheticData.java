package org.heartdisease.training.fit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.heartdisease.model.Field;

/**
 * Small random datasets in which exercise angina and a low heart rate go with disease, for tests
 * that need no real data.
 */
public final class SyntheticData {

	private SyntheticData() {
	}

	/** @return a row whose values lean towards the given class */
	public static double[] row(Random random, boolean disease) {
		double[] row = new double[Field.all().size()];
		row[Field.AGE.ordinal()] = 40 + random.nextInt(30) + (disease ? 5 : 0);
		row[Field.SEX.ordinal()] = random.nextInt(2);
		row[Field.CP.ordinal()] = 1 + random.nextInt(4);
		row[Field.TRESTBPS.ordinal()] = 110 + random.nextInt(50);
		row[Field.CHOL.ordinal()] = 180 + random.nextInt(120);
		row[Field.FBS.ordinal()] = random.nextInt(2);
		row[Field.RESTECG.ordinal()] = random.nextInt(3);
		row[Field.THALACH.ordinal()] = (disease ? 120 : 150) + random.nextInt(40);
		row[Field.EXANG.ordinal()] = (random.nextDouble() < (disease ? 0.7 : 0.2)) ? 1 : 0;
		row[Field.OLDPEAK.ordinal()] = random.nextInt(40) / 10.0 + (disease ? 1 : 0);
		row[Field.SLOPE.ordinal()] = 1 + random.nextInt(3);
		row[Field.CA.ordinal()] = random.nextInt(4);
		row[Field.THAL.ordinal()] = List.of(3, 6, 7).get(random.nextInt(3));
		return row;
	}

	/** @return {@code size} rows, about 40 % diseased */
	public static Dataset dataset(int size, long seed) {
		Random random = new Random(seed);
		List<double[]> rows = new ArrayList<>();
		boolean[] labels = new boolean[size];
		for (int i = 0; i < size; i++) {
			labels[i] = random.nextDouble() < 0.4 || i == 0;
			rows.add(row(random, labels[i]));
		}
		labels[1] = false;
		rows.set(1, row(random, false));
		return new Dataset("synthetic", "0".repeat(64), DatasetFormat.UCI, "num", List.of("1", "2", "3", "4"), rows,
				labels, Map.of());
	}

	/** @return a UCI-layout file of {@code size} synthetic rows in {@code dir}, num 1 for disease */
	public static Path uciFile(Path dir, int size, long seed) throws IOException {
		Dataset data = dataset(size, seed);
		boolean[] labels = data.labels();
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < data.size(); i++) {
			for (double value : data.rows().get(i)) {
				text.append(value).append(',');
			}
			text.append(labels[i] ? "1" : "0").append('\n');
		}
		return Files.writeString(dir.resolve("synthetic.data"), text);
	}

}
