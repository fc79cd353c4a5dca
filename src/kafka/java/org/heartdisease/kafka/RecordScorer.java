package org.heartdisease.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.heartdisease.api.PredictionExchange;
import org.heartdisease.api.PredictionExchange.Answer;
import org.heartdisease.api.PredictionExchange.Call;

import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Maps one poll's records onto the shared {@link PredictionExchange}, each as a direct payload
 * ({@link Call#payload(byte[])}), and each answer back onto one record: a {@code 2xx} answer to the
 * output binding, any other to the dead-letter topic (Spring Cloud Stream's
 * {@code spring.cloud.stream.sendto.destination}) with the original value, key, topic, partition and
 * offset. The binder sends the returned list one message at a time, in the poll's transaction.
 */
class RecordScorer implements Function<Message<List<byte[]>>, List<Message<byte[]>>> {

	/** The header whose value each answer carries over from its input record. */
	static final String CORRELATION_ID = "correlation-id";

	/** The header that carries an answer's media type, as the HTTP surfaces' {@code Content-Type} does. */
	static final String CONTENT_TYPE = "content-type";

	/** The header of a dead letter that holds the input record's value, byte for byte. */
	static final String ORIGINAL_VALUE = "heart_dlt-original-value";

	private static final String SEND_TO = "spring.cloud.stream.sendto.destination";

	private final PredictionExchange exchange;

	private final String deadLetterTopic;

	private final byte[] group;

	RecordScorer(PredictionExchange exchange, String deadLetterTopic, String group) {
		this.exchange = exchange;
		this.deadLetterTopic = deadLetterTopic;
		this.group = group.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public List<Message<byte[]>> apply(Message<List<byte[]>> batch) {
		MessageHeaders headers = batch.getHeaders();
		List<byte[]> values = batch.getPayload();
		List<MessageBuilder<byte[]>> records = new ArrayList<>(values.size());
		int lastAnswer = -1;
		int lastDeadLetter = -1;
		for (int i = 0; i < values.size(); i++) {
			byte[] value = (values.get(i) != null) ? values.get(i) : new byte[0];
			Answer answer = this.exchange.answer(Call.payload(value));
			// The media type travels as the record header content-type (CloudEvents' Kafka binding names it
			// so); the message's own contentType says bytes, or Spring Cloud Function would parse every JSON
			// answer again to check it is JSON (a quarter of the scorer's CPU, measured with JFR).
			MessageBuilder<byte[]> record = MessageBuilder.withPayload(answer.body())
				.setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_OCTET_STREAM_VALUE)
				.setHeader(CONTENT_TYPE, utf8(answer.contentType()));
			Object key = item(headers, KafkaHeaders.RECEIVED_KEY, i);
			if (key != null) {
				record.setHeader(KafkaHeaders.KEY, key);
			}
			byte[] correlation = correlation(headers, i);
			if (correlation != null) {
				record.setHeader(CORRELATION_ID, correlation);
			}
			if (answer.status() / 100 == 2) {
				lastAnswer = i;
			}
			else {
				lastDeadLetter = i;
				record.setHeader(SEND_TO, this.deadLetterTopic)
					.setHeader(ORIGINAL_VALUE, value)
					.setHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(item(headers, KafkaHeaders.RECEIVED_TOPIC, i)))
					.setHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION,
							ByteBuffer.allocate(Integer.BYTES).putInt((Integer) item(headers, KafkaHeaders.RECEIVED_PARTITION, i)).array())
					.setHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET,
							ByteBuffer.allocate(Long.BYTES).putLong((Long) item(headers, KafkaHeaders.OFFSET, i)).array())
					.setHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, this.group);
			}
			records.add(record);
		}
		// The last record to each topic waits until the broker has acknowledged it and all before it: the
		// container commits the poll's offsets once this returns, and without a transaction (at-least-once)
		// nothing else would hold that commit back until the answers are stored.
		for (int last : new int[] { lastAnswer, lastDeadLetter }) {
			if (last >= 0) {
				records.get(last).setHeader(KafkaIntegrationHeaders.FLUSH, true);
			}
		}
		return records.stream().map(MessageBuilder::build).toList();
	}

	private static Object item(MessageHeaders headers, String name, int index) {
		return (headers.get(name) instanceof List<?> list) ? list.get(index) : null;
	}

	// The binder's header mapper hands a batch's record headers over converted (a map per record) or native.
	private static byte[] correlation(MessageHeaders headers, int index) {
		Object record = item(headers, KafkaHeaders.BATCH_CONVERTED_HEADERS, index);
		if (record instanceof Map<?, ?> converted) {
			Object value = converted.get(CORRELATION_ID);
			return (value instanceof String text) ? utf8(text) : (value instanceof byte[] bytes) ? bytes : null;
		}
		record = item(headers, KafkaHeaders.NATIVE_HEADERS, index);
		if (record instanceof Headers kafkaHeaders) {
			Header header = kafkaHeaders.lastHeader(CORRELATION_ID);
			return (header != null) ? header.value() : null;
		}
		return null;
	}

	private static byte[] utf8(Object text) {
		return String.valueOf(text).getBytes(StandardCharsets.UTF_8);
	}

}
