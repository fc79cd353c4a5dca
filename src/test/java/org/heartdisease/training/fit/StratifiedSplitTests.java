package org.heartdisease.training.fit;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link StratifiedSplit}.
 */
class StratifiedSplitTests {

	/** 164 clear and 139 diseased rows, like the Cleveland data. */
	private static boolean[] clevelandLikeLabels() {
		boolean[] labels = new boolean[303];
		for (int i = 0; i < labels.length; i++) {
			labels[i] = i % 303 < 139;
		}
		return labels;
	}

	private static long positives(boolean[] labels, int[] indices) {
		return IntStream.of(indices).filter((i) -> labels[i]).count();
	}

	@Test
	void shouldHoldOutTheRoundedUpShareKeepingClassProportions() {
		boolean[] labels = clevelandLikeLabels();
		StratifiedSplit.Split split = StratifiedSplit.holdout(labels, 0.2, 42);
		assertThat(split.validation()).hasSize(61);
		assertThat(split.train()).hasSize(242);
		assertThat(positives(labels, split.validation())).isEqualTo(28);
		assertThat(positives(labels, split.train())).isEqualTo(111);
		assertThat(IntStream.concat(IntStream.of(split.train()), IntStream.of(split.validation())).sorted().toArray())
			.isEqualTo(IntStream.range(0, 303).toArray());
	}

	@Test
	void shouldSplitTheSameWayForTheSameSeedOnly() {
		boolean[] labels = clevelandLikeLabels();
		StratifiedSplit.Split first = StratifiedSplit.holdout(labels, 0.2, 42);
		StratifiedSplit.Split again = StratifiedSplit.holdout(labels, 0.2, 42);
		StratifiedSplit.Split other = StratifiedSplit.holdout(labels, 0.2, 43);
		assertThat(again.validation()).isEqualTo(first.validation());
		assertThat(other.validation()).isNotEqualTo(first.validation());
	}

	@Test
	void shouldRefuseASplitThatLeavesAClassOutOfValidation() {
		boolean[] labels = new boolean[20];
		labels[0] = true;
		assertThatIllegalArgumentException().isThrownBy(() -> StratifiedSplit.holdout(labels, 0.2, 42))
			.withMessageContaining("validation");
	}

	@Test
	void shouldDealFoldsThatKeepClassProportionsAndDifferInSizeByAtMostOne() {
		boolean[] labels = clevelandLikeLabels();
		int[] foldOf = StratifiedSplit.folds(labels, 5, 42);
		int[] sizes = new int[5];
		int[] diseased = new int[5];
		for (int i = 0; i < labels.length; i++) {
			sizes[foldOf[i]]++;
			diseased[foldOf[i]] += labels[i] ? 1 : 0;
		}
		assertThat(Arrays.stream(sizes).max().getAsInt() - Arrays.stream(sizes).min().getAsInt()).isLessThanOrEqualTo(1);
		assertThat(Arrays.stream(diseased).boxed().toList()).allSatisfy((count) -> assertThat(count).isBetween(27, 28));
		assertThat(StratifiedSplit.folds(labels, 5, 42)).isEqualTo(foldOf);
	}

	@Test
	void shouldRefuseMoreFoldsThanRowsOfAClass() {
		boolean[] labels = new boolean[20];
		labels[0] = true;
		labels[1] = true;
		assertThatIllegalArgumentException().isThrownBy(() -> StratifiedSplit.folds(labels, 5, 42))
			.withMessage("the class with 2 rows has fewer rows than the 5 folds");
	}

}
