package org.heartdisease.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.model.ModelArtifactJson;
import org.heartdisease.prediction.FieldError;
import org.heartdisease.prediction.PayloadValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Strict reading of request bodies: every malformed or hostile body is a 400 (or 413) that says why.
 */
class PayloadReaderTests {

	static final String EXAMPLE = "{\"age\":63,\"sex\":1,\"cp\":1,\"trestbps\":145,\"chol\":233,\"fbs\":1,"
			+ "\"restecg\":2,\"thalach\":150,\"exang\":0,\"oldpeak\":2.3,\"slope\":3,\"ca\":0,\"thal\":6}";

	static PayloadValidator validator;

	static PayloadReader reader;

	@BeforeAll
	static void loadCommittedModel() throws IOException {
		HeartDiseaseModel model;
		try (InputStream in = Files.newInputStream(Path.of("model/heart-disease.json"))) {
			model = ModelArtifactJson.read(in, "model/heart-disease.json");
		}
		validator = new PayloadValidator(model);
		reader = new PayloadReader(validator, new RequestLimits(4096, 3));
	}

	@Test
	void shouldReadOnePayload() {
		PayloadReader.Request request = reader.read(bytes(EXAMPLE));
		assertThat(request.batch()).isFalse();
		assertThat(request.payloads()).singleElement().satisfies((payload) -> {
			assertThat(payload.age()).isEqualTo(63.0);
			assertThat(payload.oldpeak()).isEqualTo(2.3);
		});
	}

	@Test
	void shouldReadABatchInOrder() {
		String second = EXAMPLE.replace("\"age\":63", "\"age\":40");
		PayloadReader.Request request = reader.read(bytes("[" + EXAMPLE + "," + second + "]"));
		assertThat(request.batch()).isTrue();
		assertThat(request.payloads()).extracting((payload) -> payload.age()).containsExactly(63.0, 40.0);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			trailing value         | {"age":63} {"age":64}        | The body has more content after the JSON value
			trailing garbage       | {"age":63} x                 | The body is not valid JSON
			a comment              | /* hi */ {"age":63}          | The body is not valid JSON
			truncated              | {"age":63,                   | The JSON ends before it is complete
			single quotes          | {'age':63}                   | The body is not valid JSON
			deep nesting           | [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]] | The JSON is nested too deeply or holds too long a number or string
			a bare number          | 42                           | The body must be a JSON object (one payload) or an array of objects (a batch).
			a bare string          | "hello"                      | The body must be a JSON object (one payload) or an array of objects (a batch).
			""")
	void shouldRefuseMalformedJsonWithA400(String name, String body, String detail) {
		assertThat(problemOf(bytes(body))).satisfies((problem) -> {
			assertThat(problem.status()).isEqualTo(400);
			assertThat(problem.detail()).startsWith(detail);
			assertThat(problem.detail()).doesNotContain("com.fasterxml", "Exception", "Feature", "Source");
		});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			NaN            | "age":NaN           | must be a finite number
			Infinity       | "age":-Infinity     | must be a finite number
			repeated field | "age":63,"age":64   | appears more than once
			""")
	void shouldNameTheFieldOfANonFiniteOrRepeatedValue(String name, String age, String message) {
		Problem problem = problemOf(bytes(EXAMPLE.replace("\"age\":63", age)));
		assertThat(problem.status()).isEqualTo(400);
		assertThat(problem.errors()).extracting(FieldError::field, FieldError::message)
			.containsExactly(tuple("age", message));
	}

	@Test
	void shouldRefuseAnEmptyBody() {
		assertThat(problemOf(new byte[0]).detail()).isEqualTo("The body is empty; send a JSON payload.");
	}

	@Test
	void shouldRefuseInvalidUtf8() {
		byte[] body = bytes("{\"age\":63,\"x\":\"\u0000\"}");
		body[body.length - 3] = (byte) 0xC3;
		body[body.length - 2] = (byte) 0x28;
		assertThat(problemOf(body).detail()).startsWith("The body is not valid UTF-8");
	}

	@Test
	void shouldNameEveryWronglyTypedUnknownOrInvalidField() {
		String body = EXAMPLE.replace("\"age\":63", "\"age\":\"63\"")
			.replace("\"sex\":1", "\"sex\":true")
			.replace("\"cp\":1", "\"cp\":[1]")
			.replace("\"chol\":233", "\"chol\":{\"value\":233}")
			.replace("\"thal\":6", "\"thal\":1,\"smoker\":1")
			.replace("\"slope\":3", "\"slope\":1e400");
		Problem problem = problemOf(bytes(body));
		assertThat(problem.status()).isEqualTo(400);
		assertThat(problem.detail()).isEqualTo("7 fields are invalid.");
		assertThat(problem.errors()).extracting(FieldError::field, FieldError::message).containsExactly(
				tuple("age", "must be a number, not a string"), tuple("sex", "must be a number, not a boolean"),
				tuple("cp", "must be a number, not an array"), tuple("chol", "must be a number, not an object"),
				tuple("slope", "must be a finite number"),
				tuple("thal", "must be one of 3 (normal), 6 (fixed defect), 7 (reversible defect); got 1"),
				tuple("smoker", "is not a payload field; the fields are age, sex, cp, trestbps, chol, fbs, restecg, "
						+ "thalach, exang, oldpeak, slope, ca, thal"));
	}

	@Test
	void shouldTreatNullAsMissing() {
		Problem problem = problemOf(bytes(EXAMPLE.replace("\"age\":63", "\"age\":null")));
		assertThat(problem.errors()).extracting(FieldError::field, FieldError::message)
			.containsExactly(tuple("age", "is required"));
		assertThat(reader.read(bytes(EXAMPLE.replace("\"ca\":0", "\"ca\":null"))).payloads().get(0).ca()).isNull();
	}

	@Test
	void shouldNameTheIndexAndFieldOfEveryBadBatchItem() {
		String bad = EXAMPLE.replace("\"cp\":1", "\"cp\":0");
		Problem problem = problemOf(bytes("[" + EXAMPLE + "," + bad + ",7]"));
		assertThat(problem.detail()).isEqualTo("2 of 3 payloads are invalid.");
		assertThat(problem.errors()).extracting(FieldError::index, FieldError::field, FieldError::message)
			.containsExactly(
					tuple(1, "cp", "must be one of 1 (typical angina), 2 (atypical angina), 3 (non-anginal pain), "
							+ "4 (asymptomatic); got 0"),
					tuple(2, null, "must be a JSON object, not a number"));
	}

	@Test
	void shouldListAtMostFiftyErrorsAndShortenEchoedNames() {
		PayloadReader reader = new PayloadReader(validator, new RequestLimits(262144, 1000));
		Problem problem = assertThatExceptionOfType(RejectedRequestException.class)
			.isThrownBy(() -> reader.read(bytes("[" + "{},".repeat(99) + "{\"" + "x".repeat(500) + "\":1}]")))
			.actual().problem();
		assertThat(problem.detail()).isEqualTo("100 of 100 payloads are invalid. Only the first 50 of 1101 errors are listed.");
		assertThat(problem.errors()).hasSize(50);
		Problem named = problemOf(bytes("{\"" + "x".repeat(500) + "\":1}"));
		assertThat(named.errors()).last().extracting(FieldError::field).isEqualTo("x".repeat(64) + "…");
	}

	@Test
	void shouldRefuseAnEmptyBatch() {
		assertThat(problemOf(bytes("[]"))).extracting(Problem::status, Problem::detail)
			.containsExactly(400, "The batch is empty.");
	}

	@Test
	void shouldRefuseABatchOverTheLimitWithA413() {
		assertThat(problemOf(bytes("[" + EXAMPLE + "," + EXAMPLE + "," + EXAMPLE + "," + EXAMPLE + "]")))
			.extracting(Problem::status, Problem::detail)
			.containsExactly(413, "The batch has more than 3 payloads; at most 3 are accepted.");
	}

	static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

	static Problem problemOf(byte[] body) {
		return assertThatExceptionOfType(RejectedRequestException.class).isThrownBy(() -> reader.read(body))
			.actual().problem();
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
