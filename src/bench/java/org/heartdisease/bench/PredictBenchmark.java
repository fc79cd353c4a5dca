package org.heartdisease.bench;

import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.heartdisease.api.PredictionExchange;
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
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * One warm prediction, three ways in: the {@code predict} bean on a bound {@link Payload}; the function
 * as spring-cloud-function invokes it, JSON bytes in and out through its message conversion (what
 * spring-cloud-function-web and the cloud adapters do); and the shared {@link PredictionExchange}
 * every surface answers through (content type and body checked, payload read, diagnosis written).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PredictBenchmark {

	private ConfigurableApplicationContext context;

	private Predictor predict;

	private Payload payload;

	private byte[] json;

	private Message<byte[]> message;

	private FunctionInvocationWrapper function;

	private PredictionExchange exchange;

	@Setup
	public void start() throws Exception {
		this.context = ServingContext.start();
		this.predict = this.context.getBean("predict", Predictor.class);
		this.json = ServingContext.examplePayload();
		this.payload = this.context.getBean(ObjectMapper.class).readValue(this.json, Payload.class);
		this.message = MessageBuilder.withPayload(this.json)
			.setHeader(MessageHeaders.CONTENT_TYPE, "application/json")
			.build();
		this.function = this.context.getBean(FunctionCatalog.class).lookup("predict", "application/json");
		this.exchange = this.context.getBean(PredictionExchange.class);
		// Each way must give a real diagnosis, or the benchmark measures a failure.
		check(new String(functionJson().getPayload()));
		check(new String(exchange().body()));
		check(predictBean().toString());
	}

	private static void check(String answer) {
		if (!answer.contains("diagnosis") || !answer.contains("clear")) {
			throw new IllegalStateException("Not the expected diagnosis: " + answer);
		}
	}

	@TearDown
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public Diagnosis predictBean() {
		return this.predict.apply(this.payload);
	}

	@Benchmark
	@SuppressWarnings("unchecked")
	public Message<byte[]> functionJson() {
		return (Message<byte[]>) this.function.apply(this.message);
	}

	@Benchmark
	public PredictionExchange.Answer exchange() {
		return this.exchange.answer(PredictionExchange.Call.payload(this.json));
	}

}
