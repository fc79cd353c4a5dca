package org.heartdisease.aws;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * A Lambda {@link Context} for invoking the handler in-process, as the runtime would describe an
 * invocation of the function.
 */
final class TestContext implements Context {

	@Override
	public String getAwsRequestId() {
		return "8f5c3a4e-1f7b-4c1e-9d3a-0c6f2b7e9a10";
	}

	@Override
	public String getLogGroupName() {
		return "/aws/lambda/heart-disease";
	}

	@Override
	public String getLogStreamName() {
		return "2024/03/12/[$LATEST]0123456789abcdef0123456789abcdef";
	}

	@Override
	public String getFunctionName() {
		return "heart-disease";
	}

	@Override
	public String getFunctionVersion() {
		return "$LATEST";
	}

	@Override
	public String getInvokedFunctionArn() {
		return "arn:aws:lambda:eu-west-1:123456789012:function:heart-disease";
	}

	@Override
	public CognitoIdentity getIdentity() {
		return null;
	}

	@Override
	public ClientContext getClientContext() {
		return null;
	}

	@Override
	public int getRemainingTimeInMillis() {
		return 30_000;
	}

	@Override
	public int getMemoryLimitInMB() {
		return 1024;
	}

	@Override
	public LambdaLogger getLogger() {
		return new LambdaLogger() {

			@Override
			public void log(String message) {
				System.out.print(message);
			}

			@Override
			public void log(byte[] message) {
				System.out.write(message, 0, message.length);
			}

		};
	}

}
