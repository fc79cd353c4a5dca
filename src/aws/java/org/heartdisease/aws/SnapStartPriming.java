package org.heartdisease.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Primes the function before Lambda SnapStart takes its snapshot: one real prediction, a Function URL
 * event with the example patient, through the exported function exactly as the adapter's
 * {@code FunctionInvoker.handleRequest} calls it, so that the classes, serializers and code paths of
 * the first request are loaded in the snapshot rather than after every restore. A checkpoint whose
 * priming gives no diagnosis fails: a snapshot of a broken function must not be published.
 *
 * <p>Registered with {@link Core#getGlobalContext()} once the singletons exist; outside SnapStart (a
 * plain JVM, the tests) {@code org.crac} never calls it.
 */
class SnapStartPriming implements Resource, SmartInitializingSingleton {

	/** A Function URL call with the example patient, row 1 of the Cleveland file. */
	static final String EVENT = """
			{"version":"2.0","routeKey":"$default","rawPath":"/predict","headers":{"content-type":"application/json"},\
			"requestContext":{"http":{"method":"POST","path":"/predict"}},"isBase64Encoded":false,\
			"body":"{\\"age\\":63,\\"sex\\":1,\\"cp\\":1,\\"trestbps\\":145,\\"chol\\":233,\\"fbs\\":1,\\"restecg\\":2,\
			\\"thalach\\":150,\\"exang\\":0,\\"oldpeak\\":2.3,\\"slope\\":3,\\"ca\\":0,\\"thal\\":6}"}""";

	private static final Log logger = LogFactory.getLog(SnapStartPriming.class);

	private final FunctionCatalog catalog;

	private final JsonMapper jsonMapper;

	private final ObjectMapper objectMapper;

	private final String definition;

	SnapStartPriming(FunctionCatalog catalog, JsonMapper jsonMapper, ObjectMapper objectMapper, String definition) {
		this.catalog = catalog;
		this.jsonMapper = jsonMapper;
		this.objectMapper = objectMapper;
		this.definition = definition;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Core.getGlobalContext().register(this);
	}

	@Override
	public void beforeCheckpoint(Context<? extends Resource> context) throws IOException {
		logger.info("Primed for the snapshot: " + prime().length + " bytes answered");
	}

	/** A documented no-op: the model is in memory and the function holds no connection to reopen. */
	@Override
	public void afterRestore(Context<? extends Resource> context) {
	}

	/**
	 * @return the function's answer to {@link #EVENT}
	 * @throws IllegalStateException when it is not a {@code 200} with a diagnosis
	 */
	byte[] prime() throws IOException {
		byte[] answer = invoke(EVENT.getBytes(StandardCharsets.UTF_8));
		JsonNode response = this.objectMapper.readTree(answer);
		if (response.path("statusCode").asInt() != 200
				|| !this.objectMapper.readTree(response.path("body").asText("null")).has("diagnosis")) {
			throw new IllegalStateException("Priming did not give a diagnosis: " + response);
		}
		return answer;
	}

	/** @return what the adapter's {@code FunctionInvoker.handleRequest} writes for this event, step by step */
	byte[] invoke(byte[] event) throws IOException {
		FunctionInvocationWrapper function = this.catalog.lookup(this.definition, "application/json");
		if (function == null) {
			throw new IllegalStateException("No function " + this.definition + " to prime");
		}
		Message<?> request = AWSLambdaUtils.generateMessage(new ByteArrayInputStream(event), function.getInputType(),
				function.isSupplier(), this.jsonMapper, null);
		Object output = function.apply(request);
		return AWSLambdaUtils.generateOutputFromObject(request, output, this.jsonMapper, function.getOutputType());
	}

}
