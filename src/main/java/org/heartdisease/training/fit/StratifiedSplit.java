package org.heartdisease.training.fit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeded, stratified partitions of rows: a train/validation split and k cross-validation folds that
 * each keep the share of diseased rows of the whole data.
 */
public final class StratifiedSplit {

	private StratifiedSplit() {
	}

	/**
	 * Rows held out and rows fitted, as 0-based indices in ascending order.
	 * @param train the rows to fit
	 * @param validation the rows held out
	 */
	public record Split(int[] train, int[] validation) {
	}

	/**
	 * Holds out {@code ceil(testSize * n)} rows, shared between the classes in proportion to their
	 * size (largest remainders first), each class shuffled with one seeded generator.
	 * @param labels whether each row has the disease
	 * @param testSize the share of rows to hold out, strictly between 0 and 1
	 * @param seed the shuffle's seed
	 * @return the split
	 * @throws IllegalArgumentException if a class would be missing from either part
	 */
	public static Split holdout(boolean[] labels, double testSize, long seed) {
		if (!(testSize > 0 && testSize < 1)) {
			throw new IllegalArgumentException("test size must lie strictly between 0 and 1, not " + testSize);
		}
		List<List<Integer>> classes = shuffledClasses(labels, new Random(seed));
		int n = labels.length;
		int validationSize = (int) Math.ceil(testSize * n);
		int[] take = new int[2];
		double[] remainder = new double[2];
		for (int c = 0; c < 2; c++) {
			double exact = (double) validationSize * classes.get(c).size() / n;
			take[c] = (int) Math.floor(exact);
			remainder[c] = exact - take[c];
		}
		if (take[0] + take[1] < validationSize) {
			take[(remainder[1] > remainder[0]) ? 1 : 0]++;
		}
		List<Integer> train = new ArrayList<>();
		List<Integer> validation = new ArrayList<>();
		for (int c = 0; c < 2; c++) {
			List<Integer> members = classes.get(c);
			if (take[c] == 0 || take[c] == members.size()) {
				throw new IllegalArgumentException("a test size of " + testSize + " leaves the class with "
						+ members.size() + " rows out of the " + ((take[c] == 0) ? "validation" : "training") + " part");
			}
			validation.addAll(members.subList(0, take[c]));
			train.addAll(members.subList(take[c], members.size()));
		}
		return new Split(sorted(train), sorted(validation));
	}

	/**
	 * Deals each class's shuffled rows out to the folds in turn, so every fold gets its share.
	 * @param labels whether each row has the disease
	 * @param folds the number of folds, at least 2 and at most the size of the smaller class
	 * @param seed the shuffle's seed
	 * @return the fold of each row, 0-based
	 * @throws IllegalArgumentException if a class has fewer rows than folds
	 */
	public static int[] folds(boolean[] labels, int folds, long seed) {
		if (folds < 2) {
			throw new IllegalArgumentException("at least 2 folds are needed, not " + folds);
		}
		List<List<Integer>> classes = shuffledClasses(labels, new Random(seed));
		int[] foldOf = new int[labels.length];
		int next = 0;
		for (List<Integer> members : classes) {
			if (members.size() < folds) {
				throw new IllegalArgumentException("the class with " + members.size() + " rows has fewer rows than the "
						+ folds + " folds");
			}
			// Continue the rotation across classes so that fold sizes differ by at most one.
			for (int row : members) {
				foldOf[row] = next;
				next = (next + 1) % folds;
			}
		}
		return foldOf;
	}

	/** @return the indices of the clear rows, then of the diseased rows, each shuffled */
	private static List<List<Integer>> shuffledClasses(boolean[] labels, Random random) {
		List<List<Integer>> classes = List.of(new ArrayList<>(), new ArrayList<>());
		for (int i = 0; i < labels.length; i++) {
			classes.get(labels[i] ? 1 : 0).add(i);
		}
		for (List<Integer> members : classes) {
			Collections.shuffle(members, random);
		}
		return classes;
	}

	private static int[] sorted(List<Integer> indices) {
		return indices.stream().mapToInt(Integer::intValue).sorted().toArray();
	}

}
