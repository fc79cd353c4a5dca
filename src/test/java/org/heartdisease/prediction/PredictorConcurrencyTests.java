package org.heartdisease.prediction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.heartdisease.FuzzPayloads;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads calling one {@code predict} bean get exactly the answers of serial calls: the model
 * and the function hold no mutable state.
 */
class PredictorConcurrencyTests {

	@Test
	void shouldAnswerConcurrentCallsExactlyAsSerialOnes() throws Exception {
		Predictor predict = new Predictor(FuzzPayloads.committedModel());
		List<Payload> payloads = FuzzPayloads.validPayloads().sampleStream().limit(500).toList();
		List<Diagnosis> serial = payloads.stream().map(predict).toList();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> workers = new ArrayList<>();
			for (int worker = 0; worker < 8; worker++) {
				Random random = new Random(worker);
				workers.add(pool.submit(() -> {
					List<Integer> order = new ArrayList<>();
					for (int round = 0; round < 20; round++) {
						for (int i = 0; i < payloads.size(); i++) {
							order.add(i);
						}
					}
					Collections.shuffle(order, random);
					for (int i : order) {
						if (!predict.apply(payloads.get(i)).equals(serial.get(i))) {
							return false;
						}
					}
					return true;
				}));
			}
			for (Future<Boolean> worker : workers) {
				assertThat(worker.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
