package org.heartdisease.prediction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.FuzzPayloads;
import org.heartdisease.model.HeartDiseaseModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model's description: the payload's schema, evaluation, provenance and checksum, all taken
 * from the served artifact.
 */
class ModelDescriptionTests {

	private final HeartDiseaseModel model = FuzzPayloads.committedModel();

	private final ModelDescription description = ModelDescription.of(this.model);

	@Test
	void shouldDescribeEveryFieldWithItsUnitsCodesAndRanges() {
		assertThat(this.description.fields()).extracting(ModelDescription.FieldSchema::name).containsExactly("age",
				"sex", "cp", "trestbps", "chol", "fbs", "restecg", "thalach", "exang", "oldpeak", "slope", "ca", "thal");
		ModelDescription.FieldSchema chol = field("chol");
		assertThat(chol.type()).isEqualTo("number");
		assertThat(chol.unit()).isEqualTo("mg/dl");
		assertThat(chol.minimum()).isEqualTo(50.0);
		assertThat(chol.maximum()).isEqualTo(700.0);
		assertThat(chol.seenInTraining()).isEqualTo(new ModelDescription.Range(126, 564));
		assertThat(field("cp").codes()).containsExactly(new ModelDescription.Code(1, "typical angina"),
				new ModelDescription.Code(2, "atypical angina"), new ModelDescription.Code(3, "non-anginal pain"),
				new ModelDescription.Code(4, "asymptomatic"));
		assertThat(field("exang").type()).isEqualTo("flag");
		assertThat(field("ca").codes()).extracting(ModelDescription.Code::code).containsExactly(0, 1, 2, 3);
	}

	@Test
	void shouldLetOnlyTheFieldsMissingInTrainingBeMissing() {
		assertThat(this.description.fields()).filteredOn(ModelDescription.FieldSchema::mayBeMissing)
			.extracting(ModelDescription.FieldSchema::name).containsExactly("ca", "thal");
		assertThat(field("thal").imputedWith()).isEqualTo(3.0);
		assertThat(field("age").imputedWith()).isNull();
	}

	@Test
	void shouldCarryTheArtifactsEvaluationProvenanceAndChecksum() throws IOException {
		String recorded = new ObjectMapper().readTree(Files.readString(Path.of("model/heart-disease.json")))
			.get("contentSha256").asText();
		assertThat(this.description.contentSha256()).isEqualTo(recorded).hasSize(64);
		assertThat(this.description.evaluation()).isEqualTo(this.model.artifact().evaluation());
		assertThat(this.description.dataset().sha256())
			.isEqualTo("a74b7efa387bc9d108d7d0115d831fe9b414b29ae7124f331b622b4efa0427c8");
		assertThat(this.description.trainer().solver()).contains("liblinear");
		assertThat(this.description.libraries()).containsKey("liblinear");
		assertThat(this.description.trainedAt()).isEqualTo(this.model.artifact().trainedAt());
	}

	private ModelDescription.FieldSchema field(String name) {
		return this.description.fields().stream().filter((f) -> f.name().equals(name)).findFirst().orElseThrow();
	}

}
