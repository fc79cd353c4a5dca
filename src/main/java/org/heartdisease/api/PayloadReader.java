package org.heartdisease.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
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

	private final ObjectReader reader;

	private final PayloadValidator validator;

	private final RequestLimits limits;

	private final boolean otherMembers;

	public PayloadReader(PayloadValidator validator, RequestLimits limits) {
		this(validator, limits, false);
	}

	/**
	 * @param validator the {@code predict} bean's validator
	 * @param limits the request limits
	 * @param otherMembers whether an object may hold members that are not payload fields, which are then
	 * ignored: a batch file's rows carry an id and such through the scorer; a request's may not
	 */
	public PayloadReader(PayloadValidator validator, RequestLimits limits, boolean otherMembers) {
		// NaN and Infinity are read as numbers so that the validator names the field they are in;
		// repeated fields are found while binding, for the same reason.
		JsonFactory factory = JsonFactory.builder()
			.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(16)
				.maxNumberLength(64)
				.maxStringLength(limits.maxBodyBytes())
				.build())
			.build();
		this.reader = JsonMapper.builder(factory).build().reader();
		this.validator = validator;
		this.limits = limits;
		this.otherMembers = otherMembers;
	}

	/**
	 * @param body the request body, UTF-8 JSON: one payload object or an array of them, within the
	 * body limit (the exchange enforces it before reading)
	 * @return the payloads, all valid
	 * @throws RejectedRequestException a 400 naming every problem, or a 413 for too large a batch
	 */
	public Request read(byte[] body) {
		requireUtf8(body);
		try (JsonParser parser = this.reader.createParser(body)) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				throw new RejectedRequestException(Problem.of(400, "The body is empty; send a JSON payload."));
			}
			JsonObject object = null;
			List<Object> items = null;
			if (first == JsonToken.START_OBJECT) {
				object = readObject(parser);
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
			throw new RejectedRequestException(Problem.of(400, describe(ex, body.length)));
		}
		catch (IOException ex) {
			throw new RejectedRequestException(Problem.of(400, "The body is not valid JSON."));
		}
	}

	// The UTF-8 check is the JDK's decoder, not a reading of the JSON parser's message.
	private static void requireUtf8(byte[] body) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body));
		}
		catch (CharacterCodingException ex) {
			throw new RejectedRequestException(Problem.of(400, "The body is not valid UTF-8."));
		}
	}

	// An object's fields in order, each value as a tree; a field that comes twice is remembered.
	private JsonObject readObject(JsonParser parser) throws IOException {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		Set<String> repeated = new LinkedHashSet<>();
		while (parser.nextToken() == JsonToken.FIELD_NAME) {
			String name = parser.currentName();
			parser.nextToken();
			if (fields.put(name, this.reader.readTree(parser)) != null) {
				repeated.add(name);
			}
		}
		return new JsonObject(fields, repeated);
	}

	private Request readOne(JsonObject object) {
		List<FieldError> errors = new ArrayList<>();
		Payload payload = bind(object, errors);
		if (!errors.isEmpty()) {
			throw new RejectedRequestException(Problem.invalid(
					(errors.size() == 1) ? "1 field is invalid." : errors.size() + " fields are invalid.", errors));
		}
		return new Request(false, List.of(payload));
	}

	// Counts the batch while parsing it, so an oversized batch is refused before the rest is read.
	private List<Object> readItems(JsonParser parser) throws IOException {
		List<Object> items = new ArrayList<>();
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (items.size() == this.limits.maxBatchSize()) {
				throw new RejectedRequestException(Problem.of(413, "The batch has more than "
						+ this.limits.maxBatchSize() + " payloads; at most " + this.limits.maxBatchSize()
						+ " are accepted."));
			}
			items.add((token == JsonToken.START_OBJECT) ? readObject(parser) : this.reader.readTree(parser));
		}
		return items;
	}

	private Request readBatch(List<Object> items) {
		if (items.isEmpty()) {
			throw new RejectedRequestException(Problem.of(400, "The batch is empty."));
		}
		List<Payload> payloads = new ArrayList<>(items.size());
		List<FieldError> errors = new ArrayList<>();
		int invalid = 0;
		for (int index = 0; index < items.size(); index++) {
			List<FieldError> itemErrors = new ArrayList<>();
			if (items.get(index) instanceof JsonObject item) {
				payloads.add(bind(item, itemErrors));
			}
			else {
				itemErrors.add(FieldError.of(null, "must be a JSON object, not " + describe((JsonNode) items.get(index))));
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
	private Payload bind(JsonObject object, List<FieldError> errors) {
		Double[] values = new Double[Field.all().size()];
		Map<String, FieldError> typeErrors = new HashMap<>();
		List<FieldError> unknown = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : object.fields().entrySet()) {
			String name = entry.getKey();
			JsonNode value = entry.getValue();
			Field field = Field.byJsonName(name).orElse(null);
			if (field == null) {
				if (this.otherMembers) {
					continue;
				}
				unknown.add(FieldError.of(Problem.echoed(name), "is not a payload field; the fields are " + FIELD_NAMES));
			}
			else if (object.repeated().contains(name)) {
				typeErrors.put(name, FieldError.of(name, "appears more than once"));
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

	// Jackson's own messages name parser features and classes; a client gets a plain sentence, chosen
	// by the exception's type (UTF-8, NaN and repeated fields are dealt with before or while binding).
	private static String describe(JsonProcessingException ex, int length) {
		String what;
		JsonLocation location = ex.getLocation();
		if (ex instanceof StreamConstraintsException) {
			what = "The JSON is nested too deeply or holds too long a number or string";
		}
		else if (ex instanceof JsonEOFException || truncated(ex, location, length)) {
			what = "The JSON ends before it is complete";
		}
		else {
			what = "The body is not valid JSON";
		}
		if (location != null && location.getLineNr() > 0) {
			what += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
		}
		return what + ".";
	}

	// Input that ends inside an object or array, told by where the parser stopped, not by its message.
	private static boolean truncated(JsonProcessingException ex, JsonLocation location, int length) {
		return ex instanceof StreamReadException read && read.getProcessor() != null
				&& !read.getProcessor().getParsingContext().inRoot() && location != null
				&& location.getByteOffset() >= length;
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

	/** A JSON object's fields, in order, and the names that came more than once. */
	private record JsonObject(Map<String, JsonNode> fields, Set<String> repeated) {
	}

	/**
	 * A read request.
	 * @param batch whether the body was an array (answer with an array)
	 * @param payloads the valid payloads, in order
	 */
	public record Request(boolean batch, List<Payload> payloads) {
	}

}
