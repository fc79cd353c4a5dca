package org.heartdisease.monitoring;

import java.util.HashSet;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.heartdisease.FuzzPayloads;
import org.heartdisease.model.Field;
import org.heartdisease.model.TrainingDistribution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FieldBins}: the slot an answer is counted in is the bin the training distribution
 * names, for any value, so that metrics and {@code --drift} speak of the same bins.
 */
class FieldBinsTests {

	private static final TrainingDistribution DISTRIBUTION = FuzzPayloads.committedModel().artifact()
		.trainingDistribution();

	private static final FieldBins BINS = FieldBins.of(DISTRIBUTION);

	@Property(tries = 5000)
	void shouldCountAValueInTheBinTheDistributionNames(@ForAll("fields") Field field, @ForAll("values") Double value) {
		int slot = BINS.slotOf(field, value);
		assertThat(BINS.field(slot)).isEqualTo(field.jsonName());
		assertThat(BINS.bin(slot)).isEqualTo(DISTRIBUTION.fields().get(field.jsonName()).binOf(value));
	}

	@Property(tries = 1)
	void shouldGiveEveryBinOfEveryFieldItsOwnSlot() {
		Set<String> names = new HashSet<>();
		for (int slot = 0; slot < BINS.size(); slot++) {
			assertThat(names.add(BINS.field(slot) + "/" + BINS.bin(slot))).isTrue();
		}
		int expected = DISTRIBUTION.fields().values().stream().mapToInt((field) -> field.expected().size()).sum();
		assertThat(BINS.size()).isEqualTo(expected);
	}

	@Provide
	Arbitrary<Field> fields() {
		return Arbitraries.of(Field.all());
	}

	// Codes and edges exactly, values between them, outside the training range, and missing.
	@Provide
	Arbitrary<Double> values() {
		Arbitrary<Double> onEdges = Arbitraries.of(DISTRIBUTION.fields().values().stream()
			.flatMap((field) -> java.util.stream.Stream.concat(field.edges().stream(),
					field.categories().keySet().stream().map(Double::parseDouble)))
			.distinct().toList());
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, onEdges),
				net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(-5, 600).map(Integer::doubleValue)),
				net.jqwik.api.Tuple.of(3, Arbitraries.doubles().between(-10, 600)),
				net.jqwik.api.Tuple.of(1, Arbitraries.just(null)), net.jqwik.api.Tuple.of(1, Arbitraries.just(Double.NaN)));
	}

}
