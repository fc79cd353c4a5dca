package org.heartdisease.training.fit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.heartdisease.model.Field;
import org.heartdisease.model.Sha256;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DatasetReader}, on small synthetic files.
 */
class DatasetReaderTests {

	private static final String HEADER = "age,sex,cp,trestbps,chol,fbs,restecg,thalach,exang,oldpeak,slope,ca,thal";

	/** @return {@code count} UCI lines, alternating num 0 and 2 */
	private static List<String> uciLines(int count) {
		Random random = new Random(3);
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			boolean disease = i % 2 == 1;
			double[] row = SyntheticData.row(random, disease);
			lines.add(java.util.Arrays.stream(row).mapToObj(Double::toString).collect(Collectors.joining(","))
					+ (disease ? ",2" : ",0"));
		}
		return lines;
	}

	private static DatasetSource source(String name, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return new DatasetSource(name, bytes, Sha256.hex(bytes));
	}

	private static Dataset readUci(List<String> lines) {
		return DatasetReader.read(source("test.data", String.join("\n", lines) + "\n"), null, null, List.of());
	}

	private static String csv(List<String> uciLines, String header) {
		return header + "\r\n" + String.join("\r\n", uciLines) + "\r\n";
	}

	@Test
	void shouldReadUciRowsInFieldOrderWithDiseaseWhenNumIsPositive() {
		List<String> lines = uciLines(10);
		Dataset data = readUci(lines);
		assertThat(data.size()).isEqualTo(10);
		assertThat(data.format()).isEqualTo(DatasetFormat.UCI);
		assertThat(data.label()).isEqualTo("num");
		assertThat(data.positives()).isEqualTo(5);
		assertThat(data.labels()[0]).isFalse();
		assertThat(data.labels()[1]).isTrue();
		assertThat(data.rows().get(0)[Field.AGE.ordinal()]).isEqualTo(Double.parseDouble(lines.get(0).split(",")[0]));
		assertThat(data.missing()).isEmpty();
	}

	@Test
	void shouldCountQuestionMarksAndEmptyCellsAsMissing() {
		List<String> lines = uciLines(10);
		lines.set(2, replaceCell(lines.get(2), 11, "?"));
		lines.set(3, replaceCell(lines.get(3), 11, ""));
		lines.set(4, replaceCell(lines.get(4), 12, "?"));
		Dataset data = readUci(lines);
		assertThat(data.missing()).containsExactly(org.assertj.core.api.Assertions.entry("ca", 2),
				org.assertj.core.api.Assertions.entry("thal", 1));
		assertThat(data.rows().get(2)[Field.CA.ordinal()]).isNaN();
	}

	@Test
	void shouldNameFileLineAndColumnOfANonNumericValue() {
		List<String> lines = uciLines(10);
		lines.set(6, replaceCell(lines.get(6), 4, "abc"));
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> readUci(lines))
			.withMessage("test.data, line 7, column 5 (chol): 'abc' is not a number");
	}

	@Test
	void shouldNameFileAndLineOfARowWithTheWrongColumnCount() {
		List<String> lines = uciLines(10);
		lines.set(3, lines.get(3) + ",1.0");
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> readUci(lines))
			.withMessage("test.data, line 4: 15 columns, expected 14");
	}

	@Test
	void shouldRejectAnUnknownUciLabelValue() {
		List<String> lines = uciLines(10);
		lines.set(8, replaceCell(lines.get(8), 13, "5"));
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> readUci(lines))
			.withMessageStartingWith("test.data, line 9, column 14 (num): unknown label value '5'");
	}

	@Test
	void shouldRejectAFractionalCategoricalCode() {
		List<String> lines = uciLines(10);
		lines.set(0, replaceCell(lines.get(0), 2, "1.5"));
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> readUci(lines))
			.withMessage("test.data, line 1, column 3 (cp): '1.5' is not a whole-number code");
	}

	@Test
	void shouldRejectAConstantColumn() {
		List<String> lines = uciLines(10).stream().map((line) -> replaceCell(line, 5, "1.0")).toList();
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> readUci(lines))
			.withMessageStartingWith("test.data, column 6 (fbs): constant column, every row has the value 1.0");
	}

	@Test
	void shouldRejectDataWithOneClass() {
		List<String> lines = uciLines(10).stream().map((line) -> replaceCell(line, 13, "0")).toList();
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> readUci(lines))
			.withMessageStartingWith("test.data, column 14 (num): every row is clear");
	}

	@Test
	void shouldRejectAFileThatIsNotUtf8() {
		byte[] bytes = { 'a', 'g', 'e', (byte) 0xff, '\n' };
		assertThatExceptionOfType(TrainingException.class)
			.isThrownBy(() -> DatasetReader.read(new DatasetSource("bad.csv", bytes, "x"), null, "num", List.of("1")))
			.withMessage("bad.csv: not UTF-8 text");
	}

	@Test
	void shouldDetectCsvByTheLettersOfItsHeader() {
		assertThat(DatasetFormat.detect(HEADER + ",target")).isEqualTo(DatasetFormat.CSV);
		assertThat(DatasetFormat.detect("63.0,1.0,1.0,145.0,233.0,1.0,2.0,150.0,0.0,2.3,3.0,0.0,6.0,0"))
			.isEqualTo(DatasetFormat.UCI);
	}

	@Test
	void shouldReadCsvColumnsByNameInAnyOrderDespiteAByteOrderMark() {
		List<String> lines = uciLines(10);
		// The label first, then the fields: moves the last cell to the front.
		List<String> reordered = lines.stream()
			.map((line) -> line.substring(line.lastIndexOf(',') + 1) + "," + line.substring(0, line.lastIndexOf(',')))
			.toList();
		Dataset data = DatasetReader.read(source("heart.csv", "\uFEFF" + csv(reordered, "target," + HEADER)), null,
				"target", List.of("2"));
		Dataset uci = readUci(lines);
		assertThat(data.format()).isEqualTo(DatasetFormat.CSV);
		assertThat(data.rows()).usingRecursiveFieldByFieldElementComparator().isEqualTo(uci.rows());
		assertThat(data.labels()).isEqualTo(uci.labels());
		assertThat(data.positiveValues()).containsExactly("2");
	}

	@Test
	void shouldTreatOnlyThePositiveValuesAsDisease() {
		Dataset data = DatasetReader.read(source("heart.csv", csv(uciLines(10), HEADER + ",target")), null, "target",
				List.of("0"));
		assertThat(data.labels()[0]).isTrue();
		assertThat(data.labels()[1]).isFalse();
		assertThat(data.positives()).isEqualTo(5);
	}

	@Test
	void shouldRequirePositiveForCsvAndExplainTheKaggleInversion() {
		assertThatExceptionOfType(TrainingException.class)
			.isThrownBy(() -> DatasetReader.read(source("heart.csv", csv(uciLines(10), HEADER + ",target")), null,
					"target", List.of()))
			.withMessageContaining("--positive")
			.withMessageContaining("target=1")
			.withMessageContaining("--label=target --positive=0");
	}

	@Test
	void shouldRequireLabelForCsv() {
		assertThatExceptionOfType(TrainingException.class)
			.isThrownBy(() -> DatasetReader.read(source("heart.csv", csv(uciLines(10), HEADER + ",target")), null, null,
					List.of("0")))
			.withMessageContaining("--label=COLUMN");
	}

	@Test
	void shouldNameUnknownCsvColumns() {
		assertThatExceptionOfType(TrainingException.class)
			.isThrownBy(() -> DatasetReader.read(
					source("heart.csv", csv(uciLines(10).stream().map((l) -> l + ",9").toList(),
							HEADER + ",target,weight")),
					null, "target", List.of("0")))
			.withMessageStartingWith("heart.csv, line 1: unknown columns [weight]");
	}

	@Test
	void shouldNameMissingCsvColumns() {
		assertThatExceptionOfType(TrainingException.class)
			.isThrownBy(() -> DatasetReader.read(source("heart.csv", csv(uciLines(10), HEADER + ",target")), null,
					"outcome", List.of("0")))
			.withMessageStartingWith("heart.csv, line 1: unknown columns [target]");
	}

	@Test
	void shouldRejectAnEmptyLabel() {
		List<String> lines = uciLines(10);
		lines.set(4, replaceCell(lines.get(4), 13, ""));
		assertThatExceptionOfType(TrainingException.class)
			.isThrownBy(() -> DatasetReader.read(source("heart.csv", csv(lines, HEADER + ",target")), null, "target",
					List.of("0")))
			.withMessage("heart.csv, line 6, column 14 (target): the label is missing");
	}

	@Test
	void shouldRejectLabelOptionsForUciData() {
		assertThatExceptionOfType(TrainingException.class)
			.isThrownBy(() -> DatasetReader.read(source("test.data", String.join("\n", uciLines(10))), null, "num",
					List.of("1")))
			.withMessageContaining("apply to csv data only");
	}

	private static String replaceCell(String line, int column, String value) {
		String[] cells = line.split(",", -1);
		cells[column] = value;
		return String.join(",", cells);
	}

	@Test
	void shouldReadDeclaredMarkersAsMissingAndCountThem() {
		List<String> lines = new ArrayList<>(uciLines(10));
		String[] cells = lines.get(2).split(",");
		cells[Field.CA.ordinal()] = "4.0";
		lines.set(2, String.join(",", cells));
		Dataset data = DatasetReader.read(source("test.data", String.join("\n", lines) + "\n"), null, null, List.of(),
				List.of(), java.util.Map.of("ca", List.of("4")));
		assertThat(data.rows().get(2)[Field.CA.ordinal()]).isNaN();
		assertThat(data.missing()).isEqualTo(java.util.Map.of("ca", 1));
		assertThat(data.missingMarkers()).isEqualTo(java.util.Map.of("ca", List.of("4")));
		// Without the marker, 4.0 is a code like any other.
		assertThat(readUci(lines).missing()).isEmpty();
	}

	@Test
	void shouldRejectALabelOutsidePositiveAndNegativeNamingFileLineAndColumn() {
		List<String> lines = uciLines(6);
		String text = csv(lines, HEADER + ",num").replace(",2\r\n", ",1\r\n").replaceFirst(",0\r\n", ",7\r\n");
		assertThatExceptionOfType(TrainingException.class)
			.isThrownBy(() -> DatasetReader.read(source("t.csv", text), null, "num", List.of("1"), List.of("0"),
					java.util.Map.of()))
			.withMessage("t.csv, line 2, column 14 (num): unknown label value '7', expected one of [1] (--positive) "
					+ "or [0] (--negative)");
		Dataset lenient = DatasetReader.read(source("t.csv", text), null, "num", List.of("1"));
		assertThat(lenient.labelValues()).containsExactly(java.util.Map.entry("0", 2), java.util.Map.entry("1", 3),
				java.util.Map.entry("7", 1));
		assertThat(lenient.positives()).isEqualTo(3);
	}

	@Test
	void shouldWarnAboutTheKaggleMissingCodesOnlyWithoutMissingMarkers() {
		String text = csv(uciLines(6), HEADER + ",target").replace(",2\r\n", ",1\r\n");
		assertThat(DatasetReader.read(source("heart.csv", text), null, "target", List.of("0")).warnings())
			.containsExactly("heart.csv has the columns of the Kaggle heart.csv, which writes a missing ca as 4 and a "
					+ "missing thal as 0; give --missing=ca:4,thal:0 to read them as missing, as it is they are taken "
					+ "for real codes");
		assertThat(DatasetReader.read(source("heart.csv", text), null, "target", List.of("0"), List.of(),
				java.util.Map.of("ca", List.of("4"), "thal", List.of("0"))).warnings()).isEmpty();
		assertThat(DatasetReader.read(source("other.csv", csv(uciLines(6), HEADER + ",num")), null, "num",
				List.of("2")).warnings()).isEmpty();
	}

}
