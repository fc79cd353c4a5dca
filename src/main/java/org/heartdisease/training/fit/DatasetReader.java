package org.heartdisease.training.fit;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import org.heartdisease.model.Field;

/**
 * Reads training rows from the UCI file or a headered CSV, failing on the first bad value with a
 * message that names the file, the line and the column.
 */
public final class DatasetReader {

	/** The label column of the UCI file. */
	public static final String UCI_LABEL = "num";

	/** The values of {@code num} that mean disease (narrowing of at least 50 % in some vessel). */
	public static final List<String> UCI_POSITIVE = List.of("1", "2", "3", "4");

	private static final List<String> UCI_LABELS = List.of("0", "1", "2", "3", "4");

	/** The header of the Kaggle "Heart Disease UCI" heart.csv, whose missing ca and thal are coded 4 and 0. */
	static final List<String> KAGGLE_HEADER = List.of("age", "sex", "cp", "trestbps", "chol", "fbs", "restecg",
			"thalach", "exang", "oldpeak", "slope", "ca", "thal", "target");

	private static final CsvMapper MAPPER = CsvMapper.builder()
		.enable(CsvParser.Feature.WRAP_AS_ARRAY)
		.enable(CsvParser.Feature.SKIP_EMPTY_LINES)
		.enable(CsvParser.Feature.TRIM_SPACES)
		.build();

	private DatasetReader() {
	}

	/**
	 * @param source the file's bytes
	 * @param format the layout, or {@code null} to detect it from the first line
	 * @param label the label column of a CSV ({@code null} for UCI data)
	 * @param positive the label values of a CSV that mean disease (empty for UCI data)
	 * @return the rows, labels and missing-value counts
	 * @throws TrainingException if the data is malformed, naming file, line and column
	 */
	public static Dataset read(DatasetSource source, DatasetFormat format, String label, List<String> positive) {
		return read(source, format, label, positive, List.of(), Map.of());
	}

	/**
	 * @param source the file's bytes
	 * @param format the layout, or {@code null} to detect it from the first line
	 * @param label the label column of a CSV ({@code null} for UCI data)
	 * @param positive the label values of a CSV that mean disease (empty for UCI data)
	 * @param negative the label values of a CSV that mean no disease; when empty, every other value does
	 * @param missingMarkers per field name, values to read as missing besides {@code ?} and an empty cell
	 * @return the rows, labels and missing-value counts
	 * @throws TrainingException if the data is malformed, naming file, line and column
	 */
	public static Dataset read(DatasetSource source, DatasetFormat format, String label, List<String> positive,
			List<String> negative, Map<String, List<String>> missingMarkers) {
		String text = decode(source);
		String firstLine = text.lines().findFirst().orElse("");
		DatasetFormat actual = (format != null) ? format : DatasetFormat.detect(firstLine);
		List<Line> lines = parse(source.source(), text);
		if (actual == DatasetFormat.UCI) {
			if (label != null || !positive.isEmpty() || !negative.isEmpty()) {
				throw new TrainingException(source.source() + ": --label, --positive and --negative apply to csv data only; "
						+ "uci data is labelled by num, disease when num > 0");
			}
			int[] positions = new int[Field.all().size()];
			Arrays.setAll(positions, (i) -> i);
			return new Reading(source, actual, UCI_LABEL, UCI_POSITIVE, List.of(), missingMarkers, positions,
					Field.all().size())
				.read(lines, Field.all().size() + 1, List.of());
		}
		String detected = (format == null)
				? " (read as csv because its first line has letters; give --format=uci for UCI data)" : "";
		if (label == null || label.isEmpty()) {
			throw new TrainingException(source.source() + ": csv data needs --label=COLUMN, the column that holds "
					+ "the diagnosis (target in the Kaggle heart.csv)" + detected);
		}
		if (positive.isEmpty()) {
			throw new TrainingException(source.source() + ": csv data needs --positive=VALUE[,VALUE], the label values "
					+ "that mean heart disease; there is no safe default: the Kaggle heart.csv marks patients "
					+ "WITHOUT disease with target=1 (inverted relative to the UCI num), so train it with "
					+ "--label=target --positive=0");
		}
		if (lines.isEmpty()) {
			throw new TrainingException(source.source() + ": empty file, expected a header row");
		}
		Line header = lines.get(0);
		int[] positions = columnsOf(source.source(), header, label);
		int labelColumn = Arrays.asList(header.cells()).indexOf(label);
		List<String> warnings = new ArrayList<>();
		if (missingMarkers.isEmpty() && Arrays.asList(header.cells()).equals(KAGGLE_HEADER)) {
			// Do not guess: say what the Kaggle file is known to do, and let the user decide.
			warnings.add(source.source() + " has the columns of the Kaggle heart.csv, which writes a missing ca as 4 "
					+ "and a missing thal as 0; give --missing=ca:4,thal:0 to read them as missing, as it is they "
					+ "are taken for real codes");
		}
		return new Reading(source, actual, label, positive, negative, missingMarkers, positions, labelColumn)
			.read(lines.subList(1, lines.size()), header.cells().length, warnings);
	}

	private static String decode(DatasetSource source) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(source.bytes()))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new TrainingException(source.source() + ": not UTF-8 text", ex);
		}
	}

	private static List<Line> parse(String source, String text) {
		List<Line> lines = new ArrayList<>();
		try (MappingIterator<String[]> iterator = MAPPER.readerFor(String[].class).readValues(new StringReader(text))) {
			while (iterator.hasNextValue()) {
				String[] cells = iterator.nextValue();
				// After a row is read the parser stands on its last token, on the row's line.
				lines.add(new Line(iterator.getParser().currentTokenLocation().getLineNr(), cells));
			}
		}
		catch (JsonProcessingException ex) {
			throw new TrainingException(source + ", line " + ex.getLocation().getLineNr() + ": not valid CSV: "
					+ ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new TrainingException(source + ": cannot be read: " + ex, ex);
		}
		return lines;
	}

	private static int[] columnsOf(String source, Line header, String label) {
		List<String> names = Arrays.asList(header.cells());
		List<String> duplicates = names.stream().filter((name) -> names.indexOf(name) != names.lastIndexOf(name))
			.distinct().toList();
		if (!duplicates.isEmpty()) {
			throw new TrainingException(source + ", line " + header.number() + ": duplicate columns " + duplicates);
		}
		List<String> extra = names.stream()
			.filter((name) -> Field.byJsonName(name).isEmpty() && !name.equals(label)).toList();
		if (!extra.isEmpty()) {
			throw new TrainingException(source + ", line " + header.number() + ": unknown columns " + extra
					+ "; expected the fields " + fieldNames() + " and the label column '" + label + "'");
		}
		List<String> absent = Field.all().stream().map(Field::jsonName).filter((name) -> !names.contains(name))
			.toList();
		if (!absent.isEmpty()) {
			throw new TrainingException(source + ", line " + header.number() + ": missing columns " + absent);
		}
		if (!names.contains(label)) {
			throw new TrainingException(source + ", line " + header.number() + ": no label column '" + label
					+ "' (--label); the columns are " + names);
		}
		return Field.all().stream().mapToInt((field) -> names.indexOf(field.jsonName())).toArray();
	}

	private static List<String> fieldNames() {
		return Field.all().stream().map(Field::jsonName).toList();
	}

	/** One parsed line of the file, numbered from 1. */
	private record Line(int number, String[] cells) {
	}

	/** The state of reading one file's data rows. */
	private static final class Reading {

		private final DatasetSource source;

		private final DatasetFormat format;

		private final String label;

		private final List<String> positive;

		private final List<String> negative;

		private final Map<String, List<String>> missingMarkers;

		private final Map<String, Integer> labelValues = new TreeMap<>(DatasetReader::compareValues);

		private final int[] positions;

		private final int labelColumn;

		Reading(DatasetSource source, DatasetFormat format, String label, List<String> positive, List<String> negative,
				Map<String, List<String>> missingMarkers, int[] positions, int labelColumn) {
			this.source = source;
			this.format = format;
			this.label = label;
			this.positive = positive;
			this.negative = negative;
			this.missingMarkers = missingMarkers;
			this.positions = positions;
			this.labelColumn = labelColumn;
		}

		Dataset read(List<Line> lines, int columnCount, List<String> warnings) {
			if (lines.isEmpty()) {
				throw new TrainingException(this.source.source() + ": no data rows");
			}
			List<double[]> rows = new ArrayList<>(lines.size());
			boolean[] labels = new boolean[lines.size()];
			for (int i = 0; i < lines.size(); i++) {
				Line line = lines.get(i);
				if (line.cells().length != columnCount) {
					throw new TrainingException(this.source.source() + ", line " + line.number() + ": "
							+ line.cells().length + " columns, expected " + columnCount);
				}
				double[] row = new double[this.positions.length];
				for (Field field : Field.all()) {
					row[field.ordinal()] = value(line, field);
				}
				rows.add(row);
				labels[i] = label(line);
			}
			checkVaries(rows);
			checkBothClasses(labels);
			return new Dataset(this.source.source(), this.source.sha256(), this.format, this.label, this.positive,
					rows, labels, missing(rows), this.negative, this.missingMarkers, this.labelValues, warnings);
		}

		private double value(Line line, Field field) {
			int column = this.positions[field.ordinal()];
			String cell = line.cells()[column];
			if (cell.isEmpty() || cell.equals("?") || this.missingMarkers.getOrDefault(field.jsonName(), List.of())
				.stream().anyMatch((marker) -> same(marker, cell))) {
				return Double.NaN;
			}
			BigDecimal number = number(cell);
			if (number == null) {
				throw error(line, column, field.jsonName(), "'" + cell + "' is not a number");
			}
			double value = number.doubleValue();
			if (!Double.isFinite(value)) {
				throw error(line, column, field.jsonName(), "'" + cell + "' is out of range");
			}
			if (field.isCategorical() && value != Math.rint(value)) {
				throw error(line, column, field.jsonName(), "'" + cell + "' is not a whole-number code");
			}
			return value;
		}

		private boolean label(Line line) {
			String cell = line.cells()[this.labelColumn];
			if (cell.isEmpty() || cell.equals("?")) {
				throw error(line, this.labelColumn, this.label, "the label is missing");
			}
			this.labelValues.merge(cell, 1, Integer::sum);
			if (this.format == DatasetFormat.UCI) {
				String code = UCI_LABELS.stream().filter((value) -> same(value, cell)).findFirst()
					.orElseThrow(() -> error(line, this.labelColumn, this.label,
							"unknown label value '" + cell + "', expected one of " + UCI_LABELS));
				return UCI_POSITIVE.contains(code);
			}
			boolean disease = this.positive.stream().anyMatch((value) -> same(value, cell));
			if (!disease && !this.negative.isEmpty() && this.negative.stream().noneMatch((value) -> same(value, cell))) {
				throw error(line, this.labelColumn, this.label, "unknown label value '" + cell + "', expected one of "
						+ this.positive + " (--positive) or " + this.negative + " (--negative)");
			}
			return disease;
		}

		private void checkVaries(List<double[]> rows) {
			for (Field field : Field.all()) {
				double[] present = rows.stream().mapToDouble((row) -> row[field.ordinal()])
					.filter((value) -> !Double.isNaN(value)).toArray();
				String where = this.source.source() + ", column " + (this.positions[field.ordinal()] + 1) + " ("
						+ field.jsonName() + "): ";
				if (present.length == 0) {
					throw new TrainingException(where + "every value is missing");
				}
				if (Arrays.stream(present).allMatch((value) -> value == present[0])) {
					throw new TrainingException(where + "constant column, every row has the value " + present[0]
							+ ", so it says nothing about the disease; check the file");
				}
			}
		}

		private void checkBothClasses(boolean[] labels) {
			int positives = 0;
			for (boolean label : labels) {
				positives += label ? 1 : 0;
			}
			if (positives == 0 || positives == labels.length) {
				throw new TrainingException(this.source.source() + ", column " + (this.labelColumn + 1) + " ("
						+ this.label + "): every row is " + ((positives == 0) ? "clear" : "heart-disease")
						+ " (disease values " + this.positive + "); both classes are needed");
			}
		}

		private static Map<String, Integer> missing(List<double[]> rows) {
			Map<String, Integer> missing = new LinkedHashMap<>();
			for (Field field : Field.all()) {
				int count = (int) rows.stream().filter((row) -> Double.isNaN(row[field.ordinal()])).count();
				if (count > 0) {
					missing.put(field.jsonName(), count);
				}
			}
			return missing;
		}

		private TrainingException error(Line line, int column, String name, String problem) {
			return new TrainingException(this.source.source() + ", line " + line.number() + ", column " + (column + 1)
					+ " (" + name + "): " + problem);
		}

	}

	/** @return the decimal number written in the cell, or {@code null} if it is not one */
	private static BigDecimal number(String cell) {
		try {
			return new BigDecimal(cell);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Orders label values as numbers when both are, else as text, so 2 comes before 10. */
	static int compareValues(String a, String b) {
		BigDecimal x = number(a);
		BigDecimal y = number(b);
		int order = (x != null && y != null) ? x.compareTo(y) : 0;
		return (order != 0) ? order : a.compareTo(b);
	}

	/** @return whether two label values are the same string or the same number ({@code 1} and {@code 1.0}) */
	public static boolean same(String expected, String actual) {
		if (expected.equals(actual)) {
			return true;
		}
		BigDecimal a = number(expected);
		BigDecimal b = number(actual);
		return a != null && b != null && a.compareTo(b) == 0;
	}

}
