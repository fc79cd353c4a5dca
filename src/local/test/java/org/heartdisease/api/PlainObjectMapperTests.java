package org.heartdisease.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.heartdisease.SurfaceCases;
import org.heartdisease.SurfaceCases.SurfaceCase;
import org.heartdisease.prediction.ModelDescription;
import org.heartdisease.prediction.Predictor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cloud packages leave spring-web out, so their ObjectMapper is
 * {@link ApiConfiguration.PlainObjectMapperConfiguration}'s, not the one Boot builds here with
 * spring-web's builder: both must write every answer of the shared table byte for byte alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PlainObjectMapperTests {

	static final List<SurfaceCase> cases = SurfaceCases.all();

	@Autowired
	ObjectMapper bootObjectMapper;

	@Autowired
	Predictor predict;

	@Autowired
	Supplier<ModelDescription> describe;

	@Autowired
	RequestLimits limits;

	private final ObjectMapper plain = new ApiConfiguration.PlainObjectMapperConfiguration().objectMapper();

	@Test
	void shouldBeAnotherMapperThanBoots() {
		// Boot's own mapper is the one this surface serves with; the plain one must be compared with it.
		assertThat(this.bootObjectMapper).isNotSameAs(this.plain);
		assertThat(this.bootObjectMapper.getRegisteredModuleIds()).contains("jackson-datatype-jsr310");
	}

	@Test
	void shouldHaveBootsJacksonDefaults() {
		for (SerializationFeature feature : List.of(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
				SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS, SerializationFeature.FAIL_ON_EMPTY_BEANS,
				SerializationFeature.INDENT_OUTPUT)) {
			assertThat(this.plain.isEnabled(feature)).as(feature.name()).isEqualTo(this.bootObjectMapper.isEnabled(feature));
		}
		for (DeserializationFeature feature : List.of(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
				DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)) {
			assertThat(this.plain.isEnabled(feature)).as(feature.name()).isEqualTo(this.bootObjectMapper.isEnabled(feature));
		}
		assertThat(this.plain.isEnabled(MapperFeature.DEFAULT_VIEW_INCLUSION))
			.isEqualTo(this.bootObjectMapper.isEnabled(MapperFeature.DEFAULT_VIEW_INCLUSION));
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("cases")
	void shouldWriteEveryAnswerAsBootsMapperDoes(SurfaceCase surfaceCase) {
		PredictionExchange.Reply boot = exchange(this.bootObjectMapper).handle(surfaceCase.contentType(), surfaceCase.body());
		PredictionExchange.Reply plain = exchange(this.plain).handle(surfaceCase.contentType(), surfaceCase.body());
		assertThat(plain.status()).isEqualTo(boot.status()).isEqualTo(surfaceCase.status());
		assertThat(plain.contentType()).isEqualTo(boot.contentType());
		assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo(new String(boot.body(), StandardCharsets.UTF_8));
	}

	@Test
	void shouldDescribeTheModelAsBootsMapperDoes() {
		assertThat(new String(exchange(this.plain).describe().body(), StandardCharsets.UTF_8))
			.isEqualTo(new String(exchange(this.bootObjectMapper).describe().body(), StandardCharsets.UTF_8))
			.contains("\"fields\"", "\"contentSha256\"");
		Map<String, Object> response = Map.of("statusCode", 200, "body", "{}");
		assertThat(exchange(this.plain).write(response)).isEqualTo(exchange(this.bootObjectMapper).write(response));
	}

	private PredictionExchange exchange(ObjectMapper mapper) {
		return new PredictionExchange(this.predict, new PayloadReader(this.predict.validator(), this.limits), mapper,
				this.describe);
	}

}
