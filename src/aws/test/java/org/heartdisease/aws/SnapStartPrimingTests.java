package org.heartdisease.aws;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The SnapStart priming hook in the AWS surface's own context: registered, and before a checkpoint
 * it answers a real Function URL call with the example patient's diagnosis, or fails the checkpoint.
 */
@SpringBootTest
class SnapStartPrimingTests {

	@Autowired
	SnapStartPriming priming;

	@Autowired
	JsonMapper jsonMapper;

	@Test
	void shouldBeRegisteredInTheLambdaContext() {
		assertThat(this.priming).isNotNull();
	}

	@Test
	void shouldPrimeWithARealPredictionAndJsonRoundTrip() throws Exception {
		String answer = this.priming.prime();
		assertThat(answer).contains("\"statusCode\":200").contains("\\\"diagnosis\\\":\\\"clear\\\"")
			.contains("\\\"probability\\\":0.14");
	}

	@Test
	void shouldRunBeforeACheckpointWithoutFailing() throws Exception {
		this.priming.beforeCheckpoint(null);
		this.priming.afterRestore(null);
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldFailTheCheckpointWhenPrimingGivesNoDiagnosis() {
		FunctionCatalog catalog = mock(FunctionCatalog.class);
		FunctionInvocationWrapper broken = mock(FunctionInvocationWrapper.class);
		given(broken.getInputType()).willReturn(InputStream.class);
		given(broken.getOutputType()).willReturn(byte[].class);
		given(broken.apply(any()))
			.willReturn(MessageBuilder.withPayload("{\"statusCode\":500}".getBytes(StandardCharsets.UTF_8)).build());
		given(catalog.lookup(anyString(), any(String[].class))).willReturn(broken);
		SnapStartPriming primingABrokenFunction = new SnapStartPriming(catalog, this.jsonMapper, "predictLambda");
		assertThatIllegalStateException().isThrownBy(() -> primingABrokenFunction.beforeCheckpoint(null))
			.withMessageContaining("did not give a diagnosis");
	}

	@Test
	void shouldFailTheCheckpointWhenTheFunctionIsMissing() {
		SnapStartPriming primingNothing = new SnapStartPriming(mock(FunctionCatalog.class), this.jsonMapper,
				"predictLambda");
		assertThatIllegalStateException().isThrownBy(primingNothing::prime).withMessageContaining("No function");
	}

}
