package org.heartdisease;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.heartdisease.model.CategoricalFeature;
import org.heartdisease.model.Field;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.model.ModelArtifactJson;
import org.heartdisease.prediction.Payload;

/**
 * Random and mutated payloads for property-based tests: valid ones drawn from the committed
 * model's schema, and hostile ones made by breaking valid ones structurally and byte by byte.
 */
public final class FuzzPayloads {

	private static final HeartDiseaseModel MODEL = load();

	private FuzzPayloads() {
	}

	/** @return the committed model, read from {@code model/heart-disease.json} */
	public static HeartDiseaseModel committedModel() {
		return MODEL;
	}

	private static HeartDiseaseModel load() {
		try (InputStream in = Files.newInputStream(Path.of("model/heart-disease.json"))) {
			return ModelArtifactJson.read(in, "model/heart-disease.json");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** @return payloads the model must score: plausible measurements, known codes, ca/thal sometimes absent */
	public static Arbitrary<Payload> validPayloads() {
		List<Arbitrary<Double>> fields = new ArrayList<>();
		for (Field field : Field.all()) {
			fields.add(validValue(field));
		}
		return Combinators.combine(fields).as((values) -> Payload.of(values.toArray(Double[]::new)));
	}

	private static Arbitrary<Double> validValue(Field field) {
		Arbitrary<Double> value = switch (field.kind()) {
			case NUMERIC -> Arbitraries.doubles()
				.between(field.plausibleMin(), field.plausibleMax())
				.ofScale(field == Field.OLDPEAK ? 1 : 0);
			case BINARY -> Arbitraries.of(0.0, 1.0);
			case CATEGORICAL -> {
				CategoricalFeature feature = MODEL.categorical(field);
				yield Arbitraries.of(feature.categories()).map(Integer::doubleValue);
			}
		};
		boolean mayBeMissing = (field == Field.CA || field == Field.THAL);
		return mayBeMissing ? value.injectNull(0.2) : value;
	}

	/** @return payloads with any doubles at all: nulls, NaN, infinities, extremes, fractions, codes */
	public static Arbitrary<Payload> anyPayloads() {
		Arbitrary<Double> any = Arbitraries.oneOf(Arbitraries.doubles().between(-1000, 1000).ofScale(2),
				Arbitraries.integers().between(-2, 10).map(Integer::doubleValue),
				Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE,
						-Double.MAX_VALUE, Double.MIN_VALUE, -0.0, 0.5))
			.injectNull(0.1);
		return any.list().ofSize(Field.all().size()).map((values) -> Payload.of(values.toArray(Double[]::new)));
	}

	/** @return valid payloads as JSON text */
	public static Arbitrary<String> validJson() {
		return validPayloads().map(FuzzPayloads::toJson);
	}

	/** @return request bodies: valid ones, batches, and valid ones broken structurally or byte by byte */
	public static Arbitrary<byte[]> requestBodies() {
		Arbitrary<String> structural = Combinators
			.combine(validPayloads(), Arbitraries.of(fieldNamesAndUnknown()), Arbitraries.of(HOSTILE_VALUES))
			.as((payload, name, value) -> {
				Map<String, String> fields = fields(payload);
				if (value.equals("<absent>")) {
					fields.remove(name);
				}
				else {
					fields.put(name, value);
				}
				return join(fields);
			});
		Arbitrary<String> duplicated = validJson().map((json) -> json.replaceFirst("\\{", "{\"age\":50,"));
		Arbitrary<String> batches = validJson().list().ofMinSize(0).ofMaxSize(4)
			.map((items) -> "[" + String.join(",", items) + "]");
		Arbitrary<String> texts = Arbitraries.frequencyOf(Tuple.of(3, validJson()),
				Tuple.of(4, structural), Tuple.of(1, duplicated),
				Tuple.of(2, batches));
		Arbitrary<byte[]> bytes = texts.map((text) -> text.getBytes(StandardCharsets.UTF_8));
		return Arbitraries.frequencyOf(Tuple.of(5, bytes),
				Tuple.of(5, bytes.flatMap(FuzzPayloads::mutateBytes)));
	}

	private static final List<String> HOSTILE_VALUES = List.of("<absent>", "null", "\"63\"", "true", "{}", "[1]",
			"[]", "{\"value\":1}", "1e400", "-1e400", "123456789012345678901234567890", "0.5", "-1", "0", "7", "2330",
			"1E2", "-0", "\"NaN\"", "\"\"", "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]");

	private static List<String> fieldNamesAndUnknown() {
		List<String> names = new ArrayList<>(Field.all().stream().map(Field::jsonName).toList());
		names.addAll(List.of("bmi", "Age", "", "__proto__", "\\u0061ge"));
		return names;
	}

	private static Arbitrary<byte[]> mutateBytes(byte[] body) {
		if (body.length == 0) {
			return Arbitraries.just(body);
		}
		Arbitrary<Integer> position = Arbitraries.integers().between(0, body.length - 1);
		Arbitrary<Byte> junk = Arbitraries.of((byte) '{', (byte) '}', (byte) '[', (byte) ']', (byte) ',', (byte) ':',
				(byte) '"', (byte) '\\', (byte) 'x', (byte) '0', (byte) '-', (byte) 'e', (byte) '.', (byte) ' ',
				(byte) '/', (byte) '*', (byte) 0x00, (byte) 0xC3, (byte) 0xFF, (byte) 0x80);
		return Combinators.combine(Arbitraries.integers().between(0, 4), position, junk).as((kind, at, b) -> {
			byte[] out;
			switch (kind) {
				case 0 -> { // delete a byte
					out = new byte[body.length - 1];
					System.arraycopy(body, 0, out, 0, at);
					System.arraycopy(body, at + 1, out, at, body.length - at - 1);
				}
				case 1 -> { // insert a byte
					out = new byte[body.length + 1];
					System.arraycopy(body, 0, out, 0, at);
					out[at] = b;
					System.arraycopy(body, at, out, at + 1, body.length - at);
				}
				case 2 -> { // replace a byte
					out = body.clone();
					out[at] = b;
				}
				case 3 -> { // truncate
					out = new byte[at];
					System.arraycopy(body, 0, out, 0, at);
				}
				default -> { // trailing garbage
					out = new byte[body.length + 2];
					System.arraycopy(body, 0, out, 0, body.length);
					out[body.length] = ' ';
					out[body.length + 1] = b;
				}
			}
			return out;
		});
	}

	/** @return the payload as compact JSON, absent fields left out */
	public static String toJson(Payload payload) {
		return join(fields(payload));
	}

	private static Map<String, String> fields(Payload payload) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (Field field : Field.all()) {
			Double value = payload.get(field);
			if (value != null) {
				fields.put(field.jsonName(), (value == Math.rint(value)) ? String.valueOf(value.longValue())
						: String.valueOf(value));
			}
		}
		return fields;
	}

	private static String join(Map<String, String> fields) {
		StringBuilder json = new StringBuilder("{");
		fields.forEach((name, value) -> {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append('"').append(name).append("\":").append(value);
		});
		return json.append('}').toString();
	}

}
