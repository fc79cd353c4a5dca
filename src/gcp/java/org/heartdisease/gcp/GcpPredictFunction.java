package org.heartdisease.gcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.heartdisease.api.PredictionExchange;

import org.springframework.cloud.function.adapter.gcp.FunctionInvoker;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;

/**
 * The exported function: the adapter's message, as {@link GcpFunction} shapes it, mapped onto the
 * shared {@link PredictionExchange}'s call, and its answer mapped back onto a message whose headers
 * are the HTTP headers to send ({@code Content-Type}, {@code Allow}) and the adapter's Integer
 * {@code statusCode}; no {@code id} or {@code timestamp}. Never throws: the exchange does not.
 */
final class GcpPredictFunction implements Function<Message<Reader>, Message<byte[]>> {

	/** The function's name, the bean's and the one {@code function.name} exports. */
	static final String NAME = "gcpPredict";

	private final PredictionExchange exchange;

	GcpPredictFunction(PredictionExchange exchange) {
		this.exchange = exchange;
	}

	@Override
	public Message<byte[]> apply(Message<Reader> request) {
		MessageHeaders in = request.getHeaders();
		PredictionExchange.Answer answer = this.exchange.answer(new PredictionExchange.Call(header(in, GcpFunction.METHOD),
				header(in, GcpFunction.PATH), header(in, GcpFunction.CONTENT_TYPE),
				Long.parseLong(header(in, GcpFunction.LENGTH)), bytes(request.getPayload())));
		Map<String, Object> out = new HashMap<>(answer.headers());
		if (answer.contentType() != null) {
			out.put("Content-Type", answer.contentType());
		}
		out.put(FunctionInvoker.HTTP_STATUS_CODE, answer.status());
		return new GenericMessage<>(answer.body(), new MessageHeaders(out, MessageHeaders.ID_VALUE_NONE, -1L) {
		});
	}

	private static String header(MessageHeaders headers, String name) {
		List<?> values = headers.get(name, List.class);
		return (values != null) ? (String) values.get(0) : null;
	}

	// The reader decodes ISO-8859-1: each char is one byte as the client sent it.
	private static InputStream bytes(Reader latin1) {
		return new InputStream() {

			@Override
			public int read() throws IOException {
				return latin1.read();
			}

			@Override
			public void close() throws IOException {
				latin1.close();
			}

		};
	}

}
