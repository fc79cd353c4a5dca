package org.heartdisease.batch;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.heartdisease.api.PayloadReader;
import org.heartdisease.api.RejectedRequestException;
import org.heartdisease.model.Field;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.monitoring.AnswerMonitor;
import org.heartdisease.monitoring.Recording;
import org.heartdisease.prediction.FieldError;
import org.heartdisease.prediction.Payload;
import org.heartdisease.prediction.Predictor;

/**
 * Scores a file as a stream, one output row per input row, in input order and in the input's layout:
 * the input's columns, then {@code diagnosis}, {@code probability}, {@code imputed} (field names
 * separated by {@code ;} in CSV, an array in JSON Lines) and {@code error}. A row that fails validation
 * keeps its place with an empty diagnosis and an error naming every offending field, in the HTTP
 * problem body's words; a file that is not text in a known layout fails as a whole
 * ({@link UnreadableFileException}). The same input gives the same bytes on every run.
 *
 * <p>Rows are diagnosed by {@code predict} ({@link Predictor}), the bean every surface answers with;
 * JSON Lines rows are read by the HTTP surfaces' {@link PayloadReader}. Only the cell rules of CSV are
 * this class's own.
 */
public final class BatchScorer {

	/** The columns the output adds after the input's, in order. */
	public static final List<String> ADDED_COLUMNS = List.of("diagnosis", "probability", "imputed", "error");

	private static final Log logger = LogFactory.getLog(BatchScorer.class);

	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
		.enable(CsvParser.Feature.SKIP_EMPTY_LINES)
		.disable(StreamWriteFeature.AUTO_CLOSE_TARGET) // the caller owns the output
		.build();

	/** How often, in rows, progress is reported. */
	static final int PROGRESS_EVERY = 16_384;

	private final Predictor predictor;

	private final PayloadReader jsonReader;

	private final Manifest.Model model;

	private final long maxBytes;

	private final AnswerMonitor monitor;

	/**
	 * @param predictor the {@code predict} bean
	 * @param jsonReader the HTTP surfaces' payload reader, for JSON Lines
	 * @param model the served model, named in every manifest
	 * @param maxBytes the largest file scored, in bytes
	 * @param monitor what records every row's answer, {@value #PROGRESS_EVERY} rows at a time
	 */
	public BatchScorer(Predictor predictor, PayloadReader jsonReader, HeartDiseaseModel model, long maxBytes,
			AnswerMonitor monitor) {
		this(predictor, jsonReader, new Manifest.Model("heart-disease" + model.artifact().tag(),
				model.artifact().trainedAt(), model.contentSha256()), maxBytes, monitor);
	}

	/** @return this scorer with another size limit */
	public BatchScorer limitedTo(long maxBytes) {
		return new BatchScorer(this.predictor, this.jsonReader, this.model, maxBytes, this.monitor);
	}

	private BatchScorer(Predictor predictor, PayloadReader jsonReader, Manifest.Model model, long maxBytes,
			AnswerMonitor monitor) {
		this.predictor = predictor;
		this.jsonReader = jsonReader;
		this.model = model;
		this.maxBytes = maxBytes;
		this.monitor = monitor;
	}

	/** @return the largest file scored, in bytes */
	public long maxBytes() {
		return this.maxBytes;
	}

	/** @return the model every manifest names */
	public Manifest.Model model() {
		return this.model;
	}

	/**
	 * A run's progress, reported every {@value #PROGRESS_EVERY} rows and at the end.
	 */
	@FunctionalInterface
	public interface Progress {

		/** No reports. */
		Progress NONE = (rows, bytes) -> {
		};

		/**
		 * @param rows the rows read so far
		 * @param bytes the bytes read so far
		 */
		void update(long rows, long bytes);

	}

	/**
	 * @param in the file's bytes; closed when done
	 * @param name the file's name or key, for messages and the manifest
	 * @param format its layout, or {@code null} to tell it by the name's extension, else by its first line
	 * @param out where the scored rows go; flushed, not closed
	 * @param progress told of the rows read as they go
	 * @return the manifest (without an output name: the caller knows where it wrote)
	 * @throws UnreadableFileException when the file cannot be scored at all
	 * @throws IOException when the input or the output fails
	 */
	public Manifest score(InputStream in, String name, BatchFormat format, OutputStream out, Progress progress)
			throws IOException {
		long started = System.nanoTime();
		try (StrictInput input = new StrictInput(in, name, this.maxBytes)) {
			BufferedReader reader = new BufferedReader(input, 64 * 1024);
			BatchFormat layout = (format != null) ? format : BatchFormat.byName(name);
			if (layout == null) {
				layout = sniff(reader, name);
			}
			Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
			Counts counts = new Counts(input, progress, this.monitor);
			try {
				if (layout == BatchFormat.JSONL) {
					scoreJsonLines(reader, name, writer, counts);
				}
				else {
					scoreCsv(reader, name, layout, writer, counts);
				}
			}
			finally {
				// The rows answered before a file turned out unreadable were answered all the same.
				counts.record();
			}
			writer.flush();
			progress.update(counts.read, input.bytesRead());
			Manifest manifest = new Manifest(Manifest.VERSION, name, input.sha256(), null, input.bytesRead(),
					layout.name().toLowerCase(Locale.ROOT), null, counts.read, counts.scored, counts.rejected,
					counts.rejectedBy, this.model, (System.nanoTime() - started) / 1_000_000, null, null);
			logger.info("Scored " + manifest);
			return manifest;
		}
	}

	// Peeks at the first line that is not blank, then rewinds.
	private static BatchFormat sniff(BufferedReader reader, String name) throws IOException {
		reader.mark(1024 * 1024);
		String line;
		long number = 0;
		try {
			do {
				line = reader.readLine();
				number++;
			}
			while (line != null && line.isBlank());
		}
		catch (IOException ex) {
			throw new UnreadableFileException(name, number, "header", "has no line ending within its first 1 MiB");
		}
		reader.reset();
		if (line == null) {
			throw new UnreadableFileException(name, 0, "header", "is empty: no header and no rows");
		}
		return BatchFormat.sniff(line);
	}

	private void scoreCsv(BufferedReader reader, String name, BatchFormat layout, Writer writer, Counts counts)
			throws IOException {
		try (MappingIterator<String[]> rows = CSV.readerForArrayOf(String.class).readValues(reader);
				CsvGenerator csv = CSV.getFactory().createGenerator(writer)) {
			Columns columns = (layout == BatchFormat.CSV) ? header(rows, name, csv) : null;
			String[] cells;
			while ((cells = next(rows, name)) != null) {
				if (columns == null) {
					columns = Columns.uci(cells.length);
				}
				Row row = row(cells, columns);
				csv.writeStartArray();
				for (int i = 0; i < columns.width; i++) {
					csv.writeString((i < cells.length) ? cells[i] : "");
				}
				if (row.diagnosis != null) {
					csv.writeString(row.diagnosis.diagnosis());
					csv.writeNumber(row.diagnosis.probability());
					csv.writeString(String.join(";", row.diagnosis.imputed()));
					csv.writeString("");
				}
				else {
					csv.writeString("");
					csv.writeString("");
					csv.writeString("");
					csv.writeString(describe(row.errors));
				}
				csv.writeEndArray();
				counts.add(row);
			}
			if (counts.read == 0 && columns == null) {
				throw new UnreadableFileException(name, 0, "header", "is empty: no rows");
			}
		}
	}

	private static String[] next(MappingIterator<String[]> rows, String name) throws IOException {
		try {
			return rows.hasNextValue() ? rows.nextValue() : null;
		}
		catch (JsonProcessingException ex) {
			throw new UnreadableFileException(name, ex.getLocation().getLineNr(), "malformed",
					"is not well-formed CSV (" + ex.getOriginalMessage().split("\n", 2)[0] + ")");
		}
	}

	private static Columns header(MappingIterator<String[]> rows, String name, CsvGenerator csv) throws IOException {
		String[] header = next(rows, name);
		if (header == null) {
			throw new UnreadableFileException(name, 0, "header", "is empty: no header and no rows");
		}
		long line = rows.getParser().currentTokenLocation().getLineNr();
		Map<String, Integer> byName = new HashMap<>();
		for (int i = 0; i < header.length; i++) {
			String column = header[i].strip().toLowerCase(Locale.ROOT);
			if (byName.put(column, i) != null && Field.byJsonName(column).isPresent()) {
				throw new UnreadableFileException(name, line, "header", "the header names " + column + " twice");
			}
			if (ADDED_COLUMNS.contains(column)) {
				throw new UnreadableFileException(name, line, "header",
						"the header has a column " + column + ", which the output adds; rename it");
			}
		}
		int[] index = new int[Field.all().size()];
		List<String> missing = new ArrayList<>();
		for (Field field : Field.all()) {
			Integer at = byName.get(field.jsonName());
			if (at == null) {
				missing.add(field.jsonName());
			}
			else {
				index[field.ordinal()] = at;
			}
		}
		if (!missing.isEmpty()) {
			throw new UnreadableFileException(name, line, "header", "no header naming the 13 fields: it lacks "
					+ String.join(", ", missing) + " (a headerless file must have the UCI layout, .data)");
		}
		csv.writeStartArray();
		for (String column : header) {
			csv.writeString(column);
		}
		for (String column : ADDED_COLUMNS) {
			csv.writeString(column);
		}
		csv.writeEndArray();
		return new Columns(header.length, index, true);
	}

	// One row's cells as a payload, in the HTTP surfaces' words: a cell that is no number is refused as
	// a JSON string would be, then the validator speaks; an empty cell or ? is a missing value.
	private Row row(String[] cells, Columns columns) {
		if (cells.length != columns.width) {
			String what = columns.header ? "the header has " + columns.width : "the UCI layout has 13 or 14";
			return new Row(null, null, List.of(FieldError.of(null, "has " + cells.length + " columns; " + what)));
		}
		Double[] values = new Double[Field.all().size()];
		Map<String, FieldError> typeErrors = null;
		for (Field field : Field.all()) {
			String cell = cells[columns.index[field.ordinal()]].strip();
			if (cell.isEmpty() || cell.equals("?")) {
				continue;
			}
			if (isDecimal(cell)) {
				values[field.ordinal()] = Double.parseDouble(cell);
			}
			else {
				if (typeErrors == null) {
					typeErrors = new HashMap<>();
				}
				typeErrors.put(field.jsonName(), FieldError.of(field.jsonName(), "must be a number, not a string"));
			}
		}
		Payload payload = Payload.of(values);
		List<FieldError> valueErrors = this.predictor.validator().validate(payload);
		if (typeErrors == null && valueErrors.isEmpty()) {
			return new Row(payload, this.predictor.score(payload), null);
		}
		Map<String, FieldError> byField = new HashMap<>();
		valueErrors.forEach((error) -> byField.put(error.field(), error));
		if (typeErrors != null) {
			byField.putAll(typeErrors);
		}
		List<FieldError> errors = new ArrayList<>();
		for (Field field : Field.all()) {
			FieldError error = byField.get(field.jsonName());
			if (error != null) {
				errors.add(error);
			}
		}
		return new Row(null, null, errors);
	}

	/**
	 * Written by hand because {@code Double.parseDouble} also takes {@code NaN}, {@code Infinity}, hex
	 * and a trailing {@code d} or {@code f}: a cell is a number only as JSON writes one (a leading
	 * {@code +} and a bare {@code .5} allowed).
	 */
	static boolean isDecimal(String cell) {
		int i = 0;
		int n = cell.length();
		if (i < n && (cell.charAt(i) == '-' || cell.charAt(i) == '+')) {
			i++;
		}
		int digits = 0;
		while (i < n && Character.isDigit(cell.charAt(i)) && cell.charAt(i) < 128) {
			i++;
			digits++;
		}
		if (i < n && cell.charAt(i) == '.') {
			i++;
			while (i < n && cell.charAt(i) >= '0' && cell.charAt(i) <= '9') {
				i++;
				digits++;
			}
		}
		if (digits == 0 || digits > 64) {
			return false;
		}
		if (i < n && (cell.charAt(i) == 'e' || cell.charAt(i) == 'E')) {
			i++;
			if (i < n && (cell.charAt(i) == '-' || cell.charAt(i) == '+')) {
				i++;
			}
			int exponent = 0;
			while (i < n && cell.charAt(i) >= '0' && cell.charAt(i) <= '9') {
				i++;
				exponent++;
			}
			if (exponent == 0 || exponent > 4) {
				return false;
			}
		}
		return i == n;
	}

	// A JSON Lines row keeps its bytes: the output line is the input object with the added members
	// written before its closing brace.
	private void scoreJsonLines(BufferedReader reader, String name, Writer writer, Counts counts) throws IOException {
		String line;
		StringBuilder out = new StringBuilder(512);
		while ((line = reader.readLine()) != null) {
			String object = line.strip();
			if (object.isEmpty()) {
				continue;
			}
			Row row;
			boolean carried = false;
			if (!object.startsWith("{")) {
				row = new Row(null, null,
						List.of(FieldError.of(null, "is not a JSON object; each line must be one payload")));
			}
			else {
				try {
					Payload payload = this.jsonReader.read(object.getBytes(StandardCharsets.UTF_8)).payloads().get(0);
					row = new Row(payload, this.predictor.score(payload), null);
					carried = true;
				}
				catch (RejectedRequestException ex) {
					List<FieldError> errors = ex.problem().errors();
					carried = !errors.isEmpty(); // field errors: the object itself is well-formed JSON
					row = new Row(null, null, carried ? errors : List.of(FieldError.of(null, ex.problem().detail())));
				}
			}
			out.setLength(0);
			if (carried) {
				String open = object.substring(0, object.lastIndexOf('}')).stripTrailing();
				out.append(open);
				if (!open.equals("{")) {
					out.append(',');
				}
			}
			else {
				out.append('{');
			}
			if (row.diagnosis != null) {
				out.append("\"diagnosis\":\"").append(row.diagnosis.diagnosis()).append("\",\"probability\":")
					.append(row.diagnosis.probability()).append(",\"imputed\":[");
				List<String> imputed = row.diagnosis.imputed();
				for (int i = 0; i < imputed.size(); i++) {
					out.append((i > 0) ? ",\"" : "\"").append(imputed.get(i)).append('"');
				}
				out.append("]}\n");
			}
			else {
				out.append("\"diagnosis\":null,\"probability\":null,\"imputed\":null,\"error\":\"")
					.append(JsonStringEncoder.getInstance().quoteAsString(describe(row.errors))).append("\"}\n");
			}
			writer.write(out.toString());
			counts.add(row);
		}
		if (counts.read == 0) {
			throw new UnreadableFileException(name, 0, "header", "is empty: no rows");
		}
	}

	/** @return the errors as the HTTP problem's message lists them: {@code field: message; ...} */
	static String describe(List<FieldError> errors) {
		StringBuilder text = new StringBuilder();
		for (FieldError error : errors) {
			if (!text.isEmpty()) {
				text.append("; ");
			}
			if (error.field() != null) {
				text.append(error.field()).append(": ");
			}
			text.append(error.message());
		}
		return text.toString();
	}

	/** Where the 13 fields are in a row, and how many cells a row has. */
	private record Columns(int width, int[] index, boolean header) {

		static Columns uci(int width) {
			int[] index = new int[Field.all().size()];
			for (int i = 0; i < index.length; i++) {
				index[i] = i;
			}
			// The first row fixes the width, 13 or 14; a first row of any other width is refused alone.
			return new Columns((width == 13 || width == 14) ? width : 14, index, false);
		}

	}

	/** One scored row: its payload and diagnosis, or the errors that refused it. */
	private record Row(Payload payload, Predictor.Score diagnosis, List<FieldError> errors) {
	}

	/** The manifest's counts, and the progress reports. */
	private static final class Counts {

		private final StrictInput input;

		private final Progress progress;

		private final AnswerMonitor monitor;

		private Recording recording;

		long read;

		long scored;

		long rejected;

		final Map<String, Long> rejectedBy = new TreeMap<>();

		Counts(StrictInput input, Progress progress, AnswerMonitor monitor) {
			this.input = input;
			this.progress = progress;
			this.monitor = monitor;
			this.recording = monitor.startUntimed();
		}

		void add(Row row) {
			this.read++;
			if (row.diagnosis != null) {
				this.scored++;
				this.recording.diagnosed(row.payload, row.diagnosis.diagnosis());
			}
			else {
				this.rejected++;
				this.recording.rejected(400);
				for (FieldError error : row.errors) {
					String kind = (error.field() == null) ? "row"
							: Field.byJsonName(error.field()).isPresent() ? error.field() : "unknown-field";
					this.rejectedBy.merge(kind, 1L, Long::sum);
				}
			}
			if (this.read % PROGRESS_EVERY == 0) {
				this.progress.update(this.read, this.input.bytesRead());
				record();
			}
		}

		/** Hands the rows counted since the last call to the monitor, so that a long file shows as it goes. */
		void record() {
			this.monitor.finish(this.recording);
			this.recording = this.monitor.startUntimed();
		}

	}

}
