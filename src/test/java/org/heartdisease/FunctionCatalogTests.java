package org.heartdisease;

import java.nio.charset.StandardCharsets;

import org.heartdisease.prediction.Diagnosis;
import org.heartdisease.prediction.Payload;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code predict} as Spring Cloud Function sees it on every surface: in the catalog, typed
 * {@code Payload -> Diagnosis}, and converting JSON with the application's mapper. Part of the core
 * suite, which runs in the local build; each cloud surface's own tests look it up as its adapter does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class FunctionCatalogTests {

	@Autowired
	FunctionCatalog catalog;

	@Test
	void shouldRegisterPredictFromPayloadToDiagnosis() {
		FunctionInvocationWrapper function = this.catalog.lookup("predict");
		assertThat(function).isNotNull();
		assertThat(function.getInputType()).isEqualTo(Payload.class);
		assertThat(function.getOutputType()).isEqualTo(Diagnosis.class);
	}

	@Test
	void shouldConvertAJsonMessageToADiagnosis() {
		FunctionInvocationWrapper function = this.catalog.lookup("predict", "application/json");
		Message<byte[]> input = MessageBuilder
			.withPayload(SurfaceCases.payload("example.json").getBytes(StandardCharsets.UTF_8))
			.setHeader("contentType", "application/json")
			.build();
		Object output = function.apply(input);
		assertThat(output).isInstanceOf(Message.class);
		String json = new String((byte[]) ((Message<?>) output).getPayload(), StandardCharsets.UTF_8);
		assertThat(json).startsWith("{\"diagnosis\":\"clear\",\"probability\":0.14");
	}

}
