package org.heartdisease.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.heartdisease.prediction.Diagnosis;
import org.heartdisease.prediction.Explanation;
import org.heartdisease.prediction.FieldError;

/**
 * Writes the answers every request may get, a diagnosis (or a batch of them) and a problem, with
 * jackson-core's generator: the same bytes Jackson's data binding writes for these records (the order of
 * their components, {@code Problem}'s empty and {@code FieldError}'s null parts left out, doubles as
 * {@link Double#toString(double)}), which {@code AnswerWriterTests} holds against Boot's mapper. By hand,
 * because binding a record first builds its serializers by reflection, before the first answer of every
 * cold start, and writes slower warm: both measured against this writer by {@code AnswerWritingBenchmark}
 * (profiles/bench/results.md, startup.sh's Jackson table).
 */
final class AnswerWriter {

	private static final JsonFactory FACTORY = new JsonFactory();

	private AnswerWriter() {
	}

	static byte[] diagnosis(Diagnosis diagnosis) {
		return write((json) -> write(json, diagnosis));
	}

	static byte[] diagnoses(List<Diagnosis> diagnoses) {
		return write((json) -> {
			json.writeStartArray();
			for (Diagnosis diagnosis : diagnoses) {
				write(json, diagnosis);
			}
			json.writeEndArray();
		});
	}

	static byte[] problem(Problem problem) {
		return write((json) -> {
			json.writeStartObject();
			stringUnlessEmpty(json, "type", problem.type());
			stringUnlessEmpty(json, "title", problem.title());
			json.writeNumberField("status", problem.status());
			stringUnlessEmpty(json, "detail", problem.detail());
			if (problem.errors() != null && !problem.errors().isEmpty()) {
				json.writeArrayFieldStart("errors");
				for (FieldError error : problem.errors()) {
					json.writeStartObject();
					if (error.index() != null) {
						json.writeNumberField("index", error.index());
					}
					if (error.field() != null) {
						json.writeStringField("field", error.field());
					}
					if (error.message() != null) {
						json.writeStringField("message", error.message());
					}
					json.writeEndObject();
				}
				json.writeEndArray();
			}
			json.writeEndObject();
		});
	}

	private static void write(JsonGenerator json, Diagnosis diagnosis) throws IOException {
		json.writeStartObject();
		json.writeStringField("diagnosis", diagnosis.diagnosis());
		json.writeNumberField("probability", diagnosis.probability());
		json.writeFieldName("imputed");
		strings(json, diagnosis.imputed());
		json.writeFieldName("model");
		if (diagnosis.model() == null) {
			json.writeNull();
		}
		else {
			json.writeStartObject();
			json.writeStringField("name", diagnosis.model().name());
			json.writeStringField("trainedAt", diagnosis.model().trainedAt());
			json.writeEndObject();
		}
		json.writeFieldName("explanation");
		Explanation explanation = diagnosis.explanation();
		if (explanation == null) {
			json.writeNull();
		}
		else {
			json.writeStartObject();
			json.writeNumberField("intercept", explanation.intercept());
			json.writeNumberField("logit", explanation.logit());
			json.writeFieldName("contributions");
			if (explanation.contributions() == null) {
				json.writeNull();
			}
			else {
				json.writeStartArray();
				for (Explanation.Contribution contribution : explanation.contributions()) {
					json.writeStartObject();
					json.writeStringField("field", contribution.field());
					json.writeNumberField("value", contribution.value());
					json.writeStringField("label", contribution.label());
					json.writeNumberField("contribution", contribution.contribution());
					json.writeBooleanField("imputed", contribution.imputed());
					json.writeEndObject();
				}
				json.writeEndArray();
			}
			json.writeEndObject();
		}
		json.writeEndObject();
	}

	private static void strings(JsonGenerator json, List<String> values) throws IOException {
		if (values == null) {
			json.writeNull();
			return;
		}
		json.writeStartArray();
		for (String value : values) {
			json.writeString(value);
		}
		json.writeEndArray();
	}

	// Problem is @JsonInclude(NON_EMPTY): a null or empty text is left out.
	private static void stringUnlessEmpty(JsonGenerator json, String name, String value) throws IOException {
		if (value != null && !value.isEmpty()) {
			json.writeStringField(name, value);
		}
	}

	private static byte[] write(Body body) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
		try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
			body.write(json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex); // a ByteArrayOutputStream does not fail
		}
		return bytes.toByteArray();
	}

	@FunctionalInterface
	private interface Body {

		void write(JsonGenerator json) throws IOException;

	}

}
