package org.heartdisease.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import org.heartdisease.model.ModelArtifactJson;
import org.heartdisease.prediction.Diagnosis;
import org.heartdisease.prediction.ModelDescription;

import org.springframework.boot.context.properties.bind.Binder;

/**
 * Writes the OpenAPI description that {@link PredictionExchange} serves at {@code /v3/api-docs}: run
 * by the build (exec-maven-plugin, {@code process-test-classes}) into the classes directory as
 * {@value PredictionExchange#API_DOCUMENT}, so that every deployable carries it and no server builds
 * it as it runs. Test code because swagger-core, which reads the answer types' schemas, is a test
 * dependency only.
 *
 * <p>The same bytes on every build: the payload's schema and the version come from the committed
 * model ({@code model/heart-disease.json}), the limits are {@link RequestLimits}'s defaults, and the
 * document says so; nothing else is read.
 */
public final class OpenApiDocument {

	private static final String JSON = PredictionExchange.JSON;

	private static final String COMMITTED_MODEL = "model/heart-disease.json";

	private OpenApiDocument() {
	}

	/**
	 * @param args the directory to write {@value PredictionExchange#API_DOCUMENT} into
	 * @throws IOException if it cannot be written
	 */
	public static void main(String[] args) throws IOException {
		Path target = Path.of(args[0], PredictionExchange.API_DOCUMENT);
		Files.createDirectories(target.getParent());
		Files.write(target, generate());
	}

	/** @return the document, as JSON */
	public static byte[] generate() {
		try {
			return Json.mapper().writeValueAsBytes(openApi(committedModel(), defaultLimits()));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the OpenAPI description", ex);
		}
	}

	private static ModelDescription committedModel() {
		try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(COMMITTED_MODEL)) {
			if (in == null) {
				throw new IllegalStateException(COMMITTED_MODEL + " is not on the class path");
			}
			return ModelDescription.of(ModelArtifactJson.read(in, "classpath:" + COMMITTED_MODEL));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// The @DefaultValues, bound as the application binds heart.limits when nothing sets it.
	private static RequestLimits defaultLimits() {
		return new Binder().bindOrCreate("heart.limits", RequestLimits.class);
	}

	static OpenAPI openApi(ModelDescription description, RequestLimits limits) {
		Map<String, Schema> schemas = new TreeMap<>();
		ModelConverters converters = answerConverters();
		for (Class<?> type : List.of(Diagnosis.class, Problem.class, ModelDescription.class)) {
			schemas.putAll(converters.readAll(type));
		}
		schemas.put("Payload", payloadSchema(description));
		Schema<?> batch = new ArraySchema().items(ref("Payload")).minItems(1).maxItems(limits.maxBatchSize());
		Operation predict = new Operation().operationId("predict")
			.summary("Diagnose one patient, or a batch")
			.description("One payload gives one diagnosis; a JSON array of up to " + limits.maxBatchSize()
					+ " payloads gives an array of diagnoses in the same order, or a 400 naming the index and "
					+ "field of every bad item. Bodies over " + limits.maxBodyBytes() + " bytes get a 413. "
					+ "(These are the default limits; a deployment may set others, heart.limits.*.)")
			.requestBody(new RequestBody().required(true)
				.content(new Content().addMediaType(JSON,
						new MediaType().schema(new ComposedSchema().oneOf(List.of(ref("Payload"), batch))))))
			.responses(new ApiResponses()
				.addApiResponse("200", new ApiResponse().description("The diagnosis, or an array of them")
					.content(new Content().addMediaType(JSON, new MediaType().schema(new ComposedSchema()
						.oneOf(List.of(ref("Diagnosis"), new ArraySchema().items(ref("Diagnosis"))))))))
				.addApiResponse("400", problem("Invalid JSON or payload; errors names every offending field"))
				.addApiResponse("413", problem("The body or the batch is over its limit"))
				.addApiResponse("415", problem("The body is not application/json")));
		Operation predictAtRoot = new Operation().operationId("predictAtRoot")
			.summary("The same as POST /predict")
			.requestBody(predict.getRequestBody())
			.responses(predict.getResponses());
		Operation model = new Operation().operationId("describe")
			.summary("The served model: schema, evaluation, provenance, checksum")
			.responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("The description")
				.content(new Content().addMediaType(JSON, new MediaType().schema(ref("ModelDescription"))))));
		Operation apiDocs = new Operation().operationId("apiDocs")
			.summary("This document")
			.responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("The OpenAPI description")
				.content(new Content().addMediaType(JSON, new MediaType().schema(new ObjectSchema())))));
		return new OpenAPI()
			.info(new Info().title("Heart-disease prediction")
				.version(description.name() + " trained " + description.trainedAt())
				.description("Logistic regression trained on the UCI Cleveland heart-disease data. "
						+ "Decision support for a demo, not a medical device. Generated when the project was "
						+ "built: the payload's schema and this version are those of the model committed with "
						+ "it (GET /model describes the model actually served), and the limits are the "
						+ "defaults. Every path also answers OPTIONS (204 with Allow), HEAD wherever it "
						+ "answers GET, and 405 with Allow to any other method.")
				.license(new License().name("Data: CC BY 4.0 (UCI Heart Disease, id 45)")
					.url("https://creativecommons.org/licenses/by/4.0/")))
			// Relative: the document is the same whatever host serves it.
			.servers(List.of(new Server().url("/").description("this server")))
			.components(new Components().schemas(schemas))
			.paths(new Paths().addPathItem("/predict", new PathItem().post(predict))
				.addPathItem("/", new PathItem().post(predictAtRoot))
				.addPathItem("/model", new PathItem().get(model))
				.addPathItem("/v3/api-docs", new PathItem().get(apiDocs)));
	}

	/**
	 * swagger-core's converters as {@link ModelConverters#getInstance()} first makes them, in an
	 * instance of their own.
	 */
	private static ModelConverters answerConverters() {
		ModelConverters converters = new ModelConverters();
		converters.addPackageToSkip("java.lang");
		converters.addPackageToSkip("groovy.lang");
		return converters;
	}

	private static Schema<?> payloadSchema(ModelDescription description) {
		ObjectSchema schema = new ObjectSchema();
		schema.description("One patient's measurements, UCI coding. Unknown fields are refused.");
		schema.additionalProperties(false);
		for (ModelDescription.FieldSchema field : description.fields()) {
			NumberSchema property = new NumberSchema();
			String text = field.description();
			if (field.unit() != null) {
				text += ", " + field.unit();
			}
			if (field.codes() != null) {
				property.setEnum(field.codes().stream().map((code) -> BigDecimal.valueOf(code.code())).toList());
				text += ". Codes: " + field.codes().stream()
					.map((code) -> code.code() + ((code.meaning() != null) ? " " + code.meaning() : ""))
					.collect(Collectors.joining(", "));
			}
			else {
				property.minimum(BigDecimal.valueOf(field.minimum())).maximum(BigDecimal.valueOf(field.maximum()));
			}
			if (field.mayBeMissing()) {
				property.nullable(true);
				text += ". May be null or absent: imputed with " + field.imputedWith() + ".";
			}
			else {
				schema.addRequiredItem(field.name());
			}
			property.description(text);
			schema.addProperty(field.name(), property);
		}
		return schema;
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(Problem.MEDIA_TYPE, new MediaType().schema(ref("Problem"))));
	}

	private static Schema<?> ref(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

}
