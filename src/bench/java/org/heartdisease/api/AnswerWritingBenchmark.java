package org.heartdisease.api;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.FuzzPayloads;
import org.heartdisease.prediction.Diagnosis;
import org.heartdisease.prediction.Payload;
import org.heartdisease.prediction.Predictor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Issue 22's Jackson lever: a diagnosis written by {@link AnswerWriter} (jackson-core's generator, what the
 * exchange does) against Boot's data-binding mapper (what it did), warm (JMH) and cold ({@link #main}: the
 * classes one first write loads, in a fresh JVM, which is what a serverless start pays).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnswerWritingBenchmark {

	private final ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().build();

	private Diagnosis diagnosis;

	@Setup
	public void diagnose() throws Exception {
		this.diagnosis = example();
		// Both ways must write the same bytes, or the comparison measures two different answers.
		if (!java.util.Arrays.equals(generator(), databind())) {
			throw new IllegalStateException("The generator and data binding disagree");
		}
	}

	private static Diagnosis example() {
		Predictor predict = new Predictor(FuzzPayloads.committedModel());
		return predict.apply(Payload.of(new Double[] { 63.0, 1.0, 1.0, 145.0, 233.0, 1.0, 2.0, 150.0, 0.0, 2.3, 3.0,
				0.0, 6.0 }));
	}

	@Benchmark
	public byte[] generator() {
		return AnswerWriter.diagnosis(this.diagnosis);
	}

	@Benchmark
	public byte[] databind() throws Exception {
		return this.mapper.writeValueAsBytes(this.diagnosis);
	}

	/**
	 * @param args {@code generator} or {@code databind}
	 * @throws Exception if the diagnosis cannot be written
	 */
	public static void main(String[] args) throws Exception {
		Diagnosis diagnosis = example();
		boolean databind = args[0].equals("databind");
		// The mapper is built either way: the exchange holds Boot's for the model's description.
		ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().build();
		long before = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
		byte[] written = databind ? mapper.writeValueAsBytes(diagnosis) : AnswerWriter.diagnosis(diagnosis);
		long after = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
		System.out.printf("%s: %d bytes, %d classes loaded by the first write%n", args[0], written.length,
				after - before);
	}

}
