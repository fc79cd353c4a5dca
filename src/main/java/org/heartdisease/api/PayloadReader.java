package org.heartdisease.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.heartdisease.model.Field;
import org.heartdisease.prediction.FieldError;
import org.heartdisease.prediction.Payload;
import org.heartdisease.prediction.PayloadValidator;

/**
 * Reads a request body into payloads, strictly, and reports every problem of every payload at once:
 * malformed JSON, wrong types, unknown fields, and whatever the {@link PayloadValidator} refuses.
 *
 * <p>A JSON tree rather than data binding: binding stops at the first wrong type, and a client
 * deserves to hear about all its mistakes in one answer.
 */
public final class PayloadReader {

	private static final String FIELD_NAMES = Field.all().stream().map(Field::jsonName)
		.collect(Collectors.joining(", "));

	private static final int MAX_ECHOED_NAME = 64;

	private final ObjectReader reader;

	private final PayloadValidator validator;

	private final RequestLimits limits;

	public PayloadReader(PayloadValidator validator, RequestLimits limits) {
		JsonFactory factory = JsonFactory.builder()
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(16)
				.maxNumberLength(64)
				.maxStringLength(limits.maxBodyBytes())
				.build())
			.build();
		this.reader = JsonMapper.builder(factory).build().reader();
		this.validator = validator;
		this.limits = limits;
	}

	/**
	 * @param body the request body, UTF-8 JSON: one payload object or an array of them
	 * @return the payloads, all valid
	 * @throws RejectedRequestException a 400 naming every problem, or a 413 for too large a batch
	 */
	public Request read(byte[] body) {
		if (body.length > this.limits.maxBodyBytes()) {
			throw this.limits.bodyTooLarge();
		}
		try (JsonParser parser = this.reader.createParser(body)) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				throw new RejectedRequestException(Problem.of(400, "The body is empty; send a JSON payload."));
			}
			JsonNode object = null;
			List<JsonNode> items = null;
			if (first == JsonToken.START_OBJECT) {
				object = this.reader.readTree(parser);
			}
			else if (first == JsonToken.START_ARRAY) {
				items = readItems(parser);
			}
			else {
				this.reader.readTree(parser);
			}
			if (parser.nextToken() != null) {
				throw new RejectedRequestException(
						Problem.of(400, "The body has more content after the JSON value."));
			}
			if (object != null) {
				return readOne(object);
			}
			if (items != null) {
				return readBatch(items);
			}
			throw new RejectedRequestException(Problem.of(400,
					"The body must be a JSON object (one payload) or an array of objects (a batch)."));
		}
		catch (JsonProcessingException ex) {
			throw new RejectedRequestException(Problem.of(400, describe(ex)));
		}
		catch (IOException ex) {
			throw new RejectedRequestException(Problem.of(400, "The body is not valid JSON."));
		}
	}

	private Request readOne(JsonNode object) {
		List<FieldError> errors = new ArrayList<>();
		Payload payload = bind(object, errors);
		if (!errors.isEmpty()) {
			throw new RejectedRequestException(Problem.invalid(
					(errors.size() == 1) ? "1 field is invalid." : errors.size() + " fields are invalid.", errors));
		}
		return new Request(false, List.of(payload));
	}

	// Counts the batch while parsing it, so an oversized batch is refused before the rest is read.
	private List<JsonNode> readItems(JsonParser parser) throws IOException {
		List<JsonNode> items = new ArrayList<>();
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			if (items.size() == this.limits.maxBatchSize()) {
				throw new RejectedRequestException(Problem.of(413, "The batch has more than "
						+ this.limits.maxBatchSize() + " payloads; at most " + this.limits.maxBatchSize()
						+ " are accepted."));
			}
			items.add(this.reader.readTree(parser));
		}
		return items;
	}

	private Request readBatch(List<JsonNode> items) {
		if (items.isEmpty()) {
			throw new RejectedRequestException(Problem.of(400, "The batch is empty."));
		}
		List<Payload> payloads = new ArrayList<>(items.size());
		List<FieldError> errors = new ArrayList<>();
		int invalid = 0;
		for (int index = 0; index < items.size(); index++) {
			List<FieldError> itemErrors = new ArrayList<>();
			JsonNode item = items.get(index);
			if (item.isObject()) {
				payloads.add(bind(item, itemErrors));
			}
			else {
				itemErrors.add(FieldError.of(null, "must be a JSON object, not " + describe(item)));
			}
			if (!itemErrors.isEmpty()) {
				invalid++;
				for (FieldError error : itemErrors) {
					errors.add(error.at(index));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new RejectedRequestException(Problem.invalid(
					invalid + " of " + items.size() + " payloads are invalid.", errors));
		}
		return new Request(true, payloads);
	}

	// Errors come in field order, type errors in place of the validator's, unknown fields last.
	private Payload bind(JsonNode object, List<FieldError> errors) {
		Double[] values = new Double[Field.all().size()];
		Map<String, FieldError> typeErrors = new HashMap<>();
		List<FieldError> unknown = new ArrayList<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			String name = entry.getKey();
			JsonNode value = entry.getValue();
			Field field = Field.byJsonName(name).orElse(null);
			if (field == null) {
				unknown.add(FieldError.of(shortened(name), "is not a payload field; the fields are " + FIELD_NAMES));
			}
			else if (value.isNumber()) {
				values[field.ordinal()] = value.doubleValue();
			}
			else if (!value.isNull()) {
				typeErrors.put(name, FieldError.of(name, "must be a number, not " + describe(value)));
			}
		}
		Payload payload = Payload.of(values);
		Map<String, FieldError> valueErrors = new HashMap<>();
		this.validator.validate(payload).forEach((error) -> valueErrors.put(error.field(), error));
		for (Field field : Field.all()) {
			FieldError error = typeErrors.getOrDefault(field.jsonName(), valueErrors.get(field.jsonName()));
			if (error != null) {
				errors.add(error);
			}
		}
		errors.addAll(unknown);
		return payload;
	}

	// A client's field name is echoed back, but no longer than a real one could be.
	private static String shortened(String name) {
		return (name.length() <= MAX_ECHOED_NAME) ? name : name.substring(0, MAX_ECHOED_NAME) + "…";
	}

	// Jackson's own messages name parser features and classes; a client gets a plain sentence.
	private static String describe(JsonProcessingException ex) {
		String what;
		String message = String.valueOf(ex.getOriginalMessage());
		if (ex instanceof StreamConstraintsException) {
			what = "The JSON is nested too deeply or holds too long a number or string";
		}
		else if (ex instanceof JsonEOFException || message.contains("end-of-input")) {
			what = "The JSON ends before it is complete";
		}
		else if (message.startsWith("Duplicate field")) {
			what = "The JSON repeats the field " + message.substring("Duplicate field ".length());
		}
		else if (message.contains("UTF-8") || message.contains("UTF8")) {
			what = "The body is not valid UTF-8";
		}
		else if (message.contains("Non-standard token")) {
			what = "The JSON holds NaN or Infinity, which JSON does not allow";
		}
		else {
			what = "The body is not valid JSON";
		}
		JsonLocation location = ex.getLocation();
		if (location != null && location.getLineNr() > 0) {
			what += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
		}
		return what + ".";
	}

	private static String describe(JsonNode node) {
		return switch (node.getNodeType()) {
			case STRING -> "a string";
			case BOOLEAN -> "a boolean";
			case ARRAY -> "an array";
			case OBJECT -> "an object";
			case NULL -> "null";
			default -> "a " + node.getNodeType().name().toLowerCase();
		};
	}

	/**
	 * A read request.
	 * @param batch whether the body was an array (answer with an array)
	 * @param payloads the valid payloads, in order
	 */
	public record Request(boolean batch, List<Payload> payloads) {
	}

}
