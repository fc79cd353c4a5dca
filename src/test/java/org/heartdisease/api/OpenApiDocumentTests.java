package org.heartdisease.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.heartdisease.FuzzPayloads;
import org.heartdisease.ReferenceExchange;
import org.heartdisease.SurfaceCases.SurfaceCase;
import org.heartdisease.SurfaceCases;
import org.heartdisease.monitoring.AnswerMonitor;
import org.heartdisease.prediction.ModelDescription;
import org.heartdisease.prediction.Predictor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description the build writes ({@link OpenApiDocument}) against the exchange that serves
 * it: the same bytes, the same routes and methods, and statuses, media types and schemas that real
 * answers to the {@link SurfaceCases} table have.
 *
 * <p>Only {@code GET} and {@code POST} are documented: {@code OPTIONS} (every route) and {@code HEAD}
 * (wherever {@code GET} is) are said once, in the document's description.
 */
class OpenApiDocumentTests {

	private static final ObjectMapper mapper = new ObjectMapper();

	private static final Set<String> UNDOCUMENTED_METHODS = Set.of("HEAD", "OPTIONS");

	private static final List<String> OPERATIONS = List.of("get", "put", "post", "delete", "options", "head", "patch",
			"trace");

	@Test
	void shouldServeTheDocumentTheBuildWrote() {
		byte[] resource = PredictionExchange.readApiDocument();
		assertThat(resource).as("%s on the class path (the build writes it)", PredictionExchange.API_DOCUMENT)
			.isNotNull();
		PredictionExchange.Answer answer = ReferenceExchange.get()
			.answer(new PredictionExchange.Call("GET", "/v3/api-docs", null, 0, null));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.contentType()).isEqualTo("application/json");
		assertThat(answer.body()).isEqualTo(resource);
		// Generating it again gives the same bytes: the build's output is deterministic and up to date.
		assertThat(new String(OpenApiDocument.generate(), StandardCharsets.UTF_8))
			.isEqualTo(new String(resource, StandardCharsets.UTF_8));
	}

	@Test
	void shouldDocumentEveryRouteWithTheMethodsItAnswers() throws Exception {
		JsonNode paths = document().get("paths");
		Map<String, String> routes = PredictionExchange.allowedMethods();
		assertThat(names(paths)).containsExactlyInAnyOrderElementsOf(routes.keySet());
		routes.forEach((path, allow) -> {
			Set<String> answered = new TreeSet<>(List.of(allow.split(", ")));
			assertThat(answered).as(path).contains("OPTIONS");
			assertThat(answered.contains("HEAD")).as(path + " answers HEAD where it answers GET")
				.isEqualTo(answered.contains("GET"));
			answered.removeAll(UNDOCUMENTED_METHODS);
			Set<String> documented = new TreeSet<>();
			names(paths.get(path)).forEach((name) -> {
				assertThat(OPERATIONS).as(path + " has only operations").contains(name);
				documented.add(name.toUpperCase());
			});
			assertThat(documented).as(path).isEqualTo(answered);
			PredictionExchange.Answer options = ReferenceExchange.get()
				.answer(new PredictionExchange.Call("OPTIONS", path, null, 0, null));
			assertThat(options.status()).isEqualTo(204);
			assertThat(options.headers().get("Allow")).isEqualTo(allow);
		});
	}

	/**
	 * Each documented status comes of some case of the table, with the documented media type and a body
	 * its schema describes; between them, the answers reach every schema of the document.
	 */
	@Test
	void shouldDocumentStatusesMediaTypesAndSchemasThatRealAnswersHave() throws Exception {
		JsonNode document = document();
		Set<String> reached = new TreeSet<>();
		Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
		while (paths.hasNext()) {
			Map.Entry<String, JsonNode> path = paths.next();
			for (String method : names(path.getValue())) {
				JsonNode operation = path.getValue().get(method);
				List<SurfaceCase> requests = SurfaceCases.all().stream()
					.filter((request) -> request.path().equals(path.getKey())
							&& request.method().equalsIgnoreCase(method))
					.toList();
				for (String status : names(operation.get("responses"))) {
					String where = method.toUpperCase() + " " + path.getKey() + " " + status;
					JsonNode content = operation.get("responses").get(status).get("content");
					assertThat(names(content)).as(where + ": one media type").hasSize(1);
					String mediaType = names(content).get(0);
					JsonNode schema = content.get(mediaType).get("schema");
					int answered = 0;
					for (SurfaceCase request : requests) {
						PredictionExchange.Answer answer = ReferenceExchange.answer(request);
						if (answer.status() != Integer.parseInt(status)) {
							continue;
						}
						answered++;
						assertThat(answer.contentType()).as(where + ", " + request).isEqualTo(mediaType);
						assertThat(validate(document, schema, mapper.readTree(answer.body()), "$", reached))
							.as(where + ", " + request).isEmpty();
					}
					assertThat(answered).as(where + " is answered to some case").isPositive();
				}
				JsonNode requestBody = operation.path("requestBody").path("content");
				if (!requestBody.isMissingNode()) {
					assertThat(names(requestBody)).containsExactly("application/json");
					int accepted = 0;
					for (SurfaceCase request : requests) {
						if (ReferenceExchange.answer(request).status() == 200) {
							accepted++;
							assertThat(validate(document, requestBody.get("application/json").get("schema"),
									mapper.readTree(request.body()), "$", reached))
								.as(request.toString()).isEmpty();
						}
					}
					assertThat(accepted).as(method + " " + path.getKey() + " accepts some case").isPositive();
				}
			}
		}
		// Real answers reach every schema but those only a field they leave out names (the committed model
		// has no leave-one-out evaluation, so no "Pooled"); every schema is referenced from a path.
		Set<String> referenced = referenced(document, document.get("paths"), new TreeSet<>());
		assertThat(reached).containsAll(List.of("Diagnosis", "Problem", "ModelDescription", "Payload"))
			.isSubsetOf(referenced);
		assertThat(referenced).containsExactlyInAnyOrderElementsOf(names(document.get("components").get("schemas")));
		Set<String> unreached = new TreeSet<>(referenced);
		unreached.removeAll(reached);
		assertThat(unreached).isSubsetOf("Pooled");
	}

	/** @return the schemas a node refers to, and those they refer to, transitively */
	private static Set<String> referenced(JsonNode document, JsonNode node, Set<String> names) {
		if (node.isObject() && node.has("$ref")) {
			String name = node.get("$ref").asText().substring("#/components/schemas/".length());
			if (names.add(name)) {
				referenced(document, document.get("components").get("schemas").get(name), names);
			}
		}
		node.elements().forEachRemaining((child) -> referenced(document, child, names));
		return names;
	}

	@Test
	void shouldRefuseAPayloadTheSchemaRefuses() throws Exception {
		JsonNode document = document();
		ObjectNode payload = (ObjectNode) mapper.readTree(SurfaceCases.payload("example.json"));
		assertThat(validate(document, ref("Payload"), payload, "$", new HashSet<>())).isEmpty();
		payload.put("bmi", 31);
		payload.put("cp", 0);
		payload.remove("age");
		assertThat(validate(document, ref("Payload"), payload, "$", new HashSet<>()))
			.anyMatch((error) -> error.contains("bmi"))
			.anyMatch((error) -> error.contains("cp"))
			.anyMatch((error) -> error.contains("age"));
	}

	@Test
	void shouldAnswerA404ProblemWhenTheBuildWroteNoDocument() {
		Predictor predict = new Predictor(FuzzPayloads.committedModel());
		RequestLimits limits = new RequestLimits(262144, 1000);
		ModelDescription description = ModelDescription.of(FuzzPayloads.committedModel());
		PredictionExchange exchange = new PredictionExchange(predict, () -> description,
				new PayloadReader(predict.validator(), limits), limits, mapper, () -> null, AnswerMonitor.off());
		PredictionExchange.Answer answer = exchange.answer(new PredictionExchange.Call("GET", "/v3/api-docs", null, 0, null));
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.contentType()).isEqualTo(Problem.MEDIA_TYPE);
		assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("openapi.json", "Maven");
		assertThat(exchange.answer(new PredictionExchange.Call("HEAD", "/v3/api-docs", null, 0, null)).status())
			.isEqualTo(404);
	}

	@Test
	void shouldNoLongerServeAYamlDocument() {
		assertThat(ReferenceExchange.get()
			.answer(new PredictionExchange.Call("GET", "/v3/api-docs.yaml", null, 0, null))
			.status()).isEqualTo(404);
	}

	private static JsonNode document() throws Exception {
		return mapper.readTree(PredictionExchange.readApiDocument());
	}

	private static JsonNode ref(String name) {
		return mapper.createObjectNode().put("$ref", "#/components/schemas/" + name);
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

	/**
	 * The OpenAPI 3.0 schema rules the document uses: {@code $ref}, {@code oneOf}, types, {@code nullable},
	 * {@code enum}, bounds, {@code required}, and properties (none undocumented) or additional properties.
	 * @return what does not match, empty when the value matches
	 */
	private static List<String> validate(JsonNode document, JsonNode schema, JsonNode value, String at,
			Set<String> reached) {
		List<String> errors = new ArrayList<>();
		if (schema.has("$ref")) {
			String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
			JsonNode target = document.get("components").get("schemas").get(name);
			if (target == null) {
				return List.of(at + ": no schema " + name);
			}
			reached.add(name);
			return validate(document, target, value, at, reached);
		}
		if (schema.has("oneOf")) {
			int matches = 0;
			List<String> all = new ArrayList<>();
			for (JsonNode alternative : schema.get("oneOf")) {
				Set<String> reachedBy = new LinkedHashSet<>();
				List<String> alternativeErrors = validate(document, alternative, value, at, reachedBy);
				if (alternativeErrors.isEmpty()) {
					matches++;
					reached.addAll(reachedBy);
				}
				all.addAll(alternativeErrors);
			}
			return (matches == 1) ? List.of() : List.of(at + ": matches " + matches + " of oneOf " + all);
		}
		if (value.isNull()) {
			return schema.path("nullable").asBoolean() ? List.of() : List.of(at + ": null, not nullable");
		}
		if (schema.has("enum") && !contains(schema.get("enum"), value)) {
			errors.add(at + ": " + value + " not in " + schema.get("enum"));
		}
		if (schema.has("minimum") && value.isNumber() && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0
				|| schema.has("maximum") && value.isNumber() && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
			errors.add(at + ": " + value + " out of bounds");
		}
		String type = schema.path("type").asText("object");
		switch (type) {
			case "object" -> {
				if (!value.isObject()) {
					return List.of(at + ": not an object: " + value);
				}
				for (JsonNode required : schema.path("required")) {
					if (!value.has(required.asText())) {
						errors.add(at + ": required " + required.asText() + " is absent");
					}
				}
				JsonNode properties = schema.path("properties");
				JsonNode additional = schema.path("additionalProperties");
				value.fields().forEachRemaining((field) -> {
					String property = at + "." + field.getKey();
					if (properties.has(field.getKey())) {
						errors.addAll(validate(document, properties.get(field.getKey()), field.getValue(), property, reached));
					}
					else if (additional.isObject()) {
						errors.addAll(validate(document, additional, field.getValue(), property, reached));
					}
					else if (schema.has("properties") || additional.isBoolean() && !additional.asBoolean()) {
						errors.add(property + " is not documented");
					}
					// else a free-form object: any property.
				});
			}
			case "array" -> {
				if (!value.isArray()) {
					return List.of(at + ": not an array");
				}
				if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()
						|| schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
					errors.add(at + ": " + value.size() + " items");
				}
				for (int i = 0; i < value.size(); i++) {
					errors.addAll(validate(document, schema.get("items"), value.get(i), at + "[" + i + "]", reached));
				}
			}
			case "number" -> check(value.isNumber(), at, type, value, errors);
			case "integer" -> check(value.isIntegralNumber(), at, type, value, errors);
			case "string" -> check(value.isTextual(), at, type, value, errors);
			case "boolean" -> check(value.isBoolean(), at, type, value, errors);
			default -> errors.add(at + ": type " + type + " is not checked here");
		}
		return errors;
	}

	private static boolean contains(JsonNode values, JsonNode value) {
		for (JsonNode candidate : values) {
			if (candidate.equals(value) || candidate.isNumber() && value.isNumber()
					&& candidate.decimalValue().compareTo(value.decimalValue()) == 0) {
				return true;
			}
		}
		return false;
	}

	private static void check(boolean matches, String at, String type, JsonNode value, List<String> errors) {
		if (!matches) {
			errors.add(at + ": not a " + type + ": " + value);
		}
	}

}
