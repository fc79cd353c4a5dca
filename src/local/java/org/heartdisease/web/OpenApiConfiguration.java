package org.heartdisease.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.swagger.v3.core.converter.ModelConverters;
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
import org.heartdisease.api.Problem;
import org.heartdisease.api.RequestLimits;
import org.heartdisease.model.Field;
import org.heartdisease.prediction.ConditionalOnServing;
import org.heartdisease.prediction.Diagnosis;
import org.heartdisease.prediction.ModelDescription;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

/**
 * The OpenAPI description of the local API, served by springdoc at {@code /v3/api-docs} (and
 * {@code .yaml}). Written out here because the function controller maps every path generically; the
 * payload's schema comes from the served model, so its codes are the accepted ones. (No Swagger UI:
 * the function controller's catch-all mapping would shadow its static pages.)
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnServing
class OpenApiConfiguration {

	private static final String JSON = "application/json";

	private static final String PROBLEM = Problem.MEDIA_TYPE;

	@Bean
	OpenAPI heartDiseaseOpenApi(Supplier<ModelDescription> describe, RequestLimits limits) {
		ModelDescription description = describe.get();
		Components components = new SchemasOnFirstUse(() -> {
			Map<String, Schema> schemas = new LinkedHashMap<>();
			ModelConverters converters = answerConverters();
			for (Class<?> type : List.of(Diagnosis.class, Problem.class, ModelDescription.class)) {
				schemas.putAll(converters.readAll(type));
			}
			schemas.put("Payload", payloadSchema(description));
			return schemas;
		});
		Schema<?> payload = ref("Payload");
		Schema<?> batch = new ArraySchema().items(ref("Payload")).minItems(1).maxItems(limits.maxBatchSize());
		Operation predict = new Operation().operationId("predict")
			.summary("Diagnose one patient, or a batch")
			.description("One payload gives one diagnosis; a JSON array of up to " + limits.maxBatchSize()
					+ " payloads gives an array of diagnoses in the same order, or a 400 naming the index and "
					+ "field of every bad item. Bodies over " + limits.maxBodyBytes() + " bytes get a 413.")
			.requestBody(new RequestBody().required(true)
				.content(new Content().addMediaType(JSON,
						new MediaType().schema(new ComposedSchema().oneOf(List.of(payload, batch))))))
			.responses(new ApiResponses()
				.addApiResponse("200", new ApiResponse().description("The diagnosis, or an array of them")
					.content(new Content().addMediaType(JSON, new MediaType().schema(new ComposedSchema()
						.oneOf(List.of(ref("Diagnosis"), new ArraySchema().items(ref("Diagnosis"))))))))
				.addApiResponse("400", problem("Invalid JSON or payload; errors names every offending field"))
				.addApiResponse("413", problem("The body or the batch is over its limit"))
				.addApiResponse("415", problem("The body is not application/json")));
		Operation model = new Operation().operationId("describe")
			.summary("The served model: schema, evaluation, provenance, checksum")
			.responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("The description")
				.content(new Content().addMediaType(JSON, new MediaType().schema(ref("ModelDescription"))))));
		return new OpenAPI()
			.info(new Info().title("Heart-disease prediction")
				.version(description.name() + " trained " + description.trainedAt())
				.description("Logistic regression trained on the UCI Cleveland heart-disease data. "
						+ "Decision support for a demo, not a medical device.")
				.license(new License().name("Data: CC BY 4.0 (UCI Heart Disease, id 45)")
					.url("https://creativecommons.org/licenses/by/4.0/")))
			// A relative server: springdoc would otherwise build one from the request's Host header.
			.servers(List.of(new Server().url("/").description("this server")))
			.components(components)
			.paths(new Paths().addPathItem("/predict", new PathItem().post(predict))
				.addPathItem("/model", new PathItem().get(model)));
	}

	/**
	 * swagger-core's converters as {@link ModelConverters#getInstance()} first makes them (springdoc adds
	 * its own to that shared instance as it starts, which would change the schemas read after it).
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
			.content(new Content().addMediaType(PROBLEM, new MediaType().schema(ref("Problem"))));
	}

	private static Schema<?> ref(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

	/**
	 * Components whose schemas are read when springdoc first asks for them (it copies the description
	 * when /v3/api-docs is first requested), not as the server starts: reading the answer types with
	 * swagger-core is a tenth of the local server's start-up work, for a page few clients ask for.
	 */
	@SuppressWarnings("rawtypes")
	private static final class SchemasOnFirstUse extends Components {

		private final SingletonSupplier<Map<String, Schema>> schemas;

		SchemasOnFirstUse(Supplier<Map<String, Schema>> schemas) {
			this.schemas = SingletonSupplier.of(schemas);
		}

		@Override
		public Map<String, Schema> getSchemas() {
			if (super.getSchemas() == null) {
				super.setSchemas(this.schemas.obtain());
			}
			return super.getSchemas();
		}

	}

}
