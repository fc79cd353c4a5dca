package org.heartdisease.prediction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.heartdisease.HeartDiseaseApplication;
import org.heartdisease.model.InvalidModelException;
import org.heartdisease.model.ModelArtifactJson;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A model that cannot be served stops start-up with one clear message, never a half-working app.
 */
@ExtendWith(OutputCaptureExtension.class)
class ModelLoadingTests {

	private static final ObjectMapper mapper = new ObjectMapper();

	@TempDir
	Path directory;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			missing          | does not exist
			empty            | is empty
			truncated        | is not a valid artifact
			not JSON         | is not a valid artifact
			wrong version    | schemaVersion is 2, this build reads 1
			wrong format     | format is 'pickle', expected 'heart-disease-logistic-regression'
			one coefficient short | coefficients for
			NaN coefficient  | coefficients and intercept must be finite numbers
			unknown property | is not a valid artifact
			renamed feature  | numeric features are
			zero scale       | needs a finite median, mean and positive scale
			tampered coefficient | was changed after training: its content's SHA-256 is
			no checksum      | has no contentSha256; it was not written by --train
			a JSON array     | is not a JSON object
			not the pinned one | is not the pinned one
			""")
	void shouldRefuseToStartWithABrokenModel(String breakage, String expected, CapturedOutput output)
			throws IOException {
		Path artifact = this.directory.resolve("model.json");
		String good = Files.readString(Path.of("model/heart-disease.json"));
		switch (breakage) {
			case "missing" -> { }
			case "empty" -> Files.writeString(artifact, "");
			case "truncated" -> Files.writeString(artifact, good.substring(0, good.length() / 2));
			case "not JSON" -> Files.writeString(artifact, "\u0080\u0004pickle");
			case "wrong version" -> edit(good, artifact, (json) -> json.put("schemaVersion", 2));
			case "wrong format" -> edit(good, artifact, (json) -> json.put("format", "pickle"));
			case "one coefficient short" -> edit(good, artifact, (json) -> ((ArrayNode) json.get("coefficients")).remove(0));
			case "NaN coefficient" -> edit(good, artifact, (json) -> ((ArrayNode) json.get("coefficients")).set(3, "NaN"));
			case "unknown property" -> edit(good, artifact, (json) -> json.put("pickled", true));
			case "renamed feature" -> edit(good, artifact, (json) -> ((ObjectNode) json.get("preprocessing")
				.get("numeric").get(0)).put("name", "years"));
			case "zero scale" -> edit(good, artifact, (json) -> ((ObjectNode) json.get("preprocessing")
				.get("numeric").get(1)).put("scale", 0));
			case "tampered coefficient" -> {
				ObjectNode json = (ObjectNode) mapper.readTree(good);
				((ArrayNode) json.get("coefficients")).set(0, 0.5);
				Files.writeString(artifact, mapper.writeValueAsString(json));
			}
			case "no checksum" -> {
				ObjectNode json = (ObjectNode) mapper.readTree(good);
				json.remove("contentSha256");
				Files.writeString(artifact, mapper.writeValueAsString(json));
			}
			case "a JSON array" -> Files.writeString(artifact, "[" + good + "]");
			case "not the pinned one" -> Files.writeString(artifact, good);
			default -> throw new IllegalArgumentException(breakage);
		}
		SpringApplicationBuilder application = new SpringApplicationBuilder(HeartDiseaseApplication.class)
			.web(WebApplicationType.NONE)
			.properties("heart.model.location=file:" + artifact, "heart.model.sha256="
					+ (breakage.equals("not the pinned one") ? "0".repeat(64) : ""));
		Throwable failure = catchThrowable(application::run);
		assertThat(causeOf(failure)).isInstanceOf(InvalidModelException.class)
			.hasMessageContaining("Model artifact file:" + artifact)
			.hasMessageContaining(expected);
		assertThat(output).contains("APPLICATION FAILED TO START", expected, "heart.model.location")
			.doesNotContain("\tat org.");
	}

	private static Throwable causeOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidModelException) {
				return cause;
			}
		}
		return failure;
	}

	private static void edit(String good, Path target, Consumer<ObjectNode> change) throws IOException {
		ObjectNode json = (ObjectNode) mapper.readTree(good);
		change.accept(json);
		// Sealed again: these artifacts are intact but wrong, so the checks behind the checksum must catch them.
		Files.write(target, ModelArtifactJson.seal(json));
	}

}
