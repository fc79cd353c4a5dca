package org.heartdisease.gcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.heartdisease.model.Field;
import org.heartdisease.monitoring.AnswerListener;
import org.heartdisease.monitoring.FieldBins;
import org.heartdisease.monitoring.Outcome;
import org.heartdisease.monitoring.Recording;

/**
 * One Cloud Logging structured entry per answer, as one JSON line on standard output, which Cloud Run
 * (and so a gen2 function) parses into the entry's {@code jsonPayload}: {@code severity},
 * {@code message} and {@code logging.googleapis.com/labels} become the entry's own fields. The
 * log-based metrics deploy.sh creates count these entries, so there is one per answer; the latency is
 * on the first answer of a timed call only, so that its distribution counts each call once. Only
 * outcomes and bin names are written, never a payload's value.
 */
final class CloudLoggingEntries implements AnswerListener {

	/** The fields the log-based metrics read (deploy.sh's filters and extractors name them). */
	static final String OUTCOME = "outcome";

	static final String IMPUTED = "imputed";

	static final String BINS = "bins";

	static final String LATENCY_MS = "latencyMs";

	static final String LABELS = "logging.googleapis.com/labels";

	// Written in one go per this many bytes: whole lines, so that Logback's lines never cut into one.
	private static final int FLUSH_BYTES = 64 * 1024;

	private final JsonFactory json;

	private final Map<String, String> labels;

	private final PrintStream out;

	/**
	 * @param json the factory of the application's Jackson mapper
	 * @param labels the entry labels of every entry (function, revision, model)
	 * @param out where entries go: standard output, which Cloud Run reads
	 */
	CloudLoggingEntries(JsonFactory json, Map<String, String> labels, PrintStream out) {
		this.json = json;
		this.labels = Map.copyOf(labels);
		this.out = out;
	}

	@Override
	public boolean perAnswer() {
		return true;
	}

	@Override
	public void recorded(Recording recording) {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
		try {
			for (int answer = 0; answer < recording.answers(); answer++) {
				write(recording, answer, buffer);
				buffer.write('\n');
				if (buffer.size() >= FLUSH_BYTES) {
					flush(buffer);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		flush(buffer);
	}

	private void write(Recording recording, int answer, ByteArrayOutputStream buffer) throws IOException {
		Outcome outcome = recording.outcomeOf(answer);
		try (JsonGenerator entry = this.json.createGenerator(buffer)) {
			entry.writeStartObject();
			entry.writeStringField("severity", severity(outcome));
			entry.writeStringField("message", "answer: " + outcome.label());
			entry.writeObjectFieldStart(LABELS);
			for (Map.Entry<String, String> label : this.labels.entrySet()) {
				entry.writeStringField(label.getKey(), label.getValue());
			}
			entry.writeEndObject();
			entry.writeStringField(OUTCOME, outcome.label());
			if (outcome.isDiagnosis()) {
				entry.writeNumberField(IMPUTED, recording.imputedOf(answer));
				FieldBins bins = recording.bins();
				if (bins != null) {
					entry.writeObjectFieldStart(BINS);
					for (Field field : Field.all()) {
						entry.writeStringField(field.jsonName(), bins.bin(recording.slotOf(answer, field)));
					}
					entry.writeEndObject();
				}
			}
			if (answer == 0 && recording.timed()) {
				entry.writeNumberField(LATENCY_MS, recording.nanos() / 1e6);
			}
			entry.writeEndObject();
		}
	}

	// Cloud Logging's LogSeverity names: a refused request is the caller's mistake, a 5xx the service's.
	private static String severity(Outcome outcome) {
		if (outcome.isDiagnosis()) {
			return "INFO";
		}
		return outcome.isError() ? "ERROR" : "WARNING";
	}

	private void flush(ByteArrayOutputStream buffer) {
		if (buffer.size() > 0) {
			this.out.write(buffer.toByteArray(), 0, buffer.size());
			this.out.flush();
			buffer.reset();
		}
	}

}
