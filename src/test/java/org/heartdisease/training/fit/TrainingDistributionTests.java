package org.heartdisease.training.fit;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.heartdisease.model.Field;
import org.heartdisease.model.ModelArtifact;
import org.heartdisease.model.ModelArtifactJson;
import org.heartdisease.model.TrainingDistribution;
import org.heartdisease.model.TrainingDistribution.FieldDistribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link TrainingDistribution}: what {@code --train} records of the rows it fits on, and the
 * population stability index served payloads will be compared with, on the Cleveland file.
 */
class TrainingDistributionTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);

	private static Dataset cleveland() {
		return new TrainingPipeline(CLOCK).run(TestData.settings(TestData.cleveland().toAbsolutePath())).dataset();
	}

	@Test
	void shouldCountEveryTrainingRowOnceInEachField() {
		Dataset data = cleveland();
		TrainingDistribution distribution = TrainingDistribution.of(data.rows(), 10);
		assertThat(distribution.fields().keySet()).containsExactlyInAnyOrderElementsOf(
				Field.all().stream().map(Field::jsonName).toList());
		for (Field field : Field.all()) {
			FieldDistribution one = distribution.fields().get(field.jsonName());
			long counted = one.counts().stream().mapToLong(Long::longValue).sum()
					+ one.categories().values().stream().mapToLong(Long::longValue).sum();
			assertThat(counted + one.missing()).as(field.jsonName()).isEqualTo(data.size());
			assertThat(one.missing()).as(field.jsonName()).isEqualTo((long) data.missing().getOrDefault(field.jsonName(), 0));
			assertThat(one.edges()).as(field.jsonName()).isSorted().doesNotHaveDuplicates();
		}
		// Cleveland's deciles of age cut 303 patients into ten bins of about 30.
		FieldDistribution age = distribution.fields().get("age");
		assertThat(age.counts()).hasSize(10).allSatisfy((count) -> assertThat(count).isBetween(15L, 50L));
		assertThat(age.min()).isEqualTo(29.0);
		assertThat(age.max()).isEqualTo(77.0);
		// ca and thal are Cleveland's only missing values (4 and 2 rows); sex is 0 or 1.
		assertThat(distribution.fields().get("ca").missing()).isEqualTo(4);
		assertThat(distribution.fields().get("thal").missing()).isEqualTo(2);
		assertThat(distribution.fields().get("sex").categories()).containsOnlyKeys("0", "1");
	}

	@Test
	void shouldNameTheBinOfAServedValueAsTheMetricsWill() {
		FieldDistribution age = TrainingDistribution.of(cleveland().rows(), 10).fields().get("age");
		assertThat(age.binOf(null)).isEqualTo("missing");
		assertThat(age.binOf(28.0)).isEqualTo("out-of-range");
		assertThat(age.binOf(78.0)).isEqualTo("out-of-range");
		assertThat(age.binOf(29.0)).isEqualTo("0");
		assertThat(age.binOf(77.0)).isEqualTo("9");
		FieldDistribution cp = TrainingDistribution.of(cleveland().rows(), 10).fields().get("cp");
		assertThat(cp.binOf(4.0)).isEqualTo("4");
		assertThat(cp.expected()).containsKeys("1", "2", "3", "4", "missing", "out-of-range");
	}

	@Test
	void shouldFindNoDriftInTheTrainingDataAndAMajorOneWhenEveryPatientIsTwentyYearsOlder() {
		List<double[]> rows = cleveland().rows();
		TrainingDistribution distribution = TrainingDistribution.of(rows, 10);
		FieldDistribution age = distribution.fields().get("age");
		assertThat(TrainingDistribution.psi(age.expected(), served(age, rows, 0))).isCloseTo(0.0, within(1e-9));
		double shifted = TrainingDistribution.psi(age.expected(), served(age, rows, 20));
		assertThat(shifted).isGreaterThan(0.25);
		// A small shift stays in the stable band.
		assertThat(TrainingDistribution.psi(age.expected(), served(age, rows, 1))).isLessThan(0.1);
	}

	/** @return the served counts of age per bin, every patient aged by {@code years} */
	private static Map<String, Long> served(FieldDistribution age, List<double[]> rows, double years) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (double[] row : rows) {
			double value = row[Field.AGE.ordinal()];
			counts.merge(age.binOf(Double.isNaN(value) ? null : value + years), 1L, Long::sum);
		}
		return counts;
	}

	@Test
	void shouldBeWrittenIntoTheArtifactUnderItsChecksumAndReadBack() throws Exception {
		ModelArtifact artifact = new TrainingPipeline(CLOCK).run(TestData.settings(TestData.cleveland().toAbsolutePath()))
			.model()
			.artifact();
		assertThat(artifact.trainingDistribution()).isNotNull();
		byte[] written = ModelArtifactJson.toBytes(artifact);
		ModelArtifact read = ModelArtifactJson.read(new ByteArrayInputStream(written), "trained").artifact();
		assertThat(read.trainingDistribution()).isEqualTo(artifact.trainingDistribution());
		// One count changed by hand: the checksum refuses it.
		String tampered = new String(written, java.nio.charset.StandardCharsets.UTF_8)
			.replaceFirst("\"missing\" : 4", "\"missing\" : 5");
		assertThat(tampered).isNotEqualTo(new String(written, java.nio.charset.StandardCharsets.UTF_8));
		org.assertj.core.api.Assertions
			.assertThatExceptionOfType(org.heartdisease.model.InvalidModelException.class)
			.isThrownBy(() -> ModelArtifactJson.read(new ByteArrayInputStream(tampered.getBytes()), "tampered"))
			.withMessageContaining("was changed after training");
	}

	@Test
	void shouldStillLoadAnArtifactWrittenBeforeIt() throws Exception {
		ModelArtifact artifact = new TrainingPipeline(CLOCK).run(TestData.settings(TestData.cleveland().toAbsolutePath()))
			.model()
			.artifact();
		ModelArtifact without = new ModelArtifact(artifact.format(), artifact.schemaVersion(), artifact.tag(),
				artifact.trainedAt(), artifact.labels(), artifact.threshold(), artifact.preprocessing(), artifact.columns(),
				artifact.coefficients(), artifact.intercept(), artifact.evaluation(), artifact.dataset(), artifact.trainer(),
				artifact.libraries(), null);
		byte[] written = ModelArtifactJson.toBytes(without);
		assertThat(new String(written, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("trainingDistribution");
		assertThat(ModelArtifactJson.read(new ByteArrayInputStream(written), "old").artifact().trainingDistribution())
			.isNull();
	}


}
