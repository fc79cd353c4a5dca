package org.heartdisease.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.function.adapter.aws.AWSLambdaUtils;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.messaging.Message;

/**
 * Primes the function before Lambda SnapStart takes its snapshot: one real prediction, as a Function
 * URL event through the exported function exactly as the adapter's {@code FunctionInvoker} calls it
 * (message conversion, the event parsed, the payload checked and scored, the answer written as JSON),
 * so that the classes, Jackson's serializers and the code paths of the first request are loaded and
 * initialised in the snapshot rather than after every restore. A checkpoint whose priming does not
 * give a diagnosis fails: a snapshot of a broken function must not be published.
 *
 * <p>Registered with {@link Core#getGlobalContext()} once the context's singletons exist. Outside
 * SnapStart (a plain JVM, the tests) {@code org.crac} never calls it.
 */
class SnapStartPriming implements Resource, SmartInitializingSingleton {

	/** A Function URL call with the example patient, row 1 of the Cleveland file. */
	static final String EVENT = """
			{"version":"2.0","rawPath":"/","headers":{"content-type":"application/json"},\
			"requestContext":{"http":{"method":"POST","path":"/"}},"isBase64Encoded":false,\
			"body":"{\\"age\\":63,\\"sex\\":1,\\"cp\\":1,\\"trestbps\\":145,\\"chol\\":233,\\"fbs\\":1,\\"restecg\\":2,\
			\\"thalach\\":150,\\"exang\\":0,\\"oldpeak\\":2.3,\\"slope\\":3,\\"ca\\":0,\\"thal\\":6}"}""";

	private static final Log logger = LogFactory.getLog(SnapStartPriming.class);

	private final FunctionCatalog catalog;

	private final JsonMapper jsonMapper;

	private final String definition;

	/**
	 * @param catalog the function catalog the adapter looks the function up in
	 * @param jsonMapper the mapper the adapter converts events and answers with
	 * @param definition the exported function's name
	 */
	SnapStartPriming(FunctionCatalog catalog, JsonMapper jsonMapper, String definition) {
		this.catalog = catalog;
		this.jsonMapper = jsonMapper;
		this.definition = definition;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Core.getGlobalContext().register(this);
	}

	@Override
	public void beforeCheckpoint(Context<? extends Resource> context) throws IOException {
		String answer = prime();
		logger.info("Primed for the snapshot: " + answer.length() + " bytes answered");
	}

	@Override
	public void afterRestore(Context<? extends Resource> context) {
		// Nothing to reopen: the model is in memory and the function holds no connection.
	}

	/**
	 * @return the function's answer to {@link #EVENT}
	 * @throws IllegalStateException when it is not a 200 with a diagnosis
	 * @throws IOException when the adapter cannot read the event
	 */
	String prime() throws IOException {
		// Looked up and called as FunctionInvoker.handleRequest does, so that priming takes the very path
		// of a request: the event turned into a message, the function applied, the output turned into bytes.
		FunctionInvocationWrapper function = this.catalog.lookup(this.definition, "application/json");
		if (function == null) {
			throw new IllegalStateException("No function " + this.definition + " to prime");
		}
		Message<?> request = AWSLambdaUtils.generateMessage(new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)),
				function.getInputType(), function.isSupplier(), this.jsonMapper, null);
		Object output = function.apply(request);
		byte[] bytes = AWSLambdaUtils.generateOutputFromObject(request, output, this.jsonMapper, function.getOutputType());
		String answer = new String(bytes, StandardCharsets.UTF_8);
		if (!answer.contains("\"statusCode\":200") || !answer.contains("diagnosis")) {
			throw new IllegalStateException("Priming did not give a diagnosis: " + answer);
		}
		return answer;
	}

}
