package org.heartdisease.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.heartdisease.prediction.Diagnosis;
import org.heartdisease.prediction.InvalidPayloadException;
import org.heartdisease.prediction.ModelDescription;
import org.heartdisease.prediction.Payload;

import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * The JSON exchange every surface speaks: a content type and body in, a status, content type and
 * body out. Surfaces differ only in how they carry these; the rules live here once.
 */
public final class PredictionExchange {

	/** The media type of a diagnosis body. */
	public static final String JSON = "application/json";

	private static final Log logger = LogFactory.getLog(PredictionExchange.class);

	private final Function<Payload, Diagnosis> predict;

	private final PayloadReader reader;

	private final ObjectMapper mapper;

	private final Supplier<ModelDescription> describe;

	public PredictionExchange(Function<Payload, Diagnosis> predict, PayloadReader reader, ObjectMapper mapper) {
		this(predict, reader, mapper, null);
	}

	/**
	 * @param predict the function
	 * @param reader the request reader
	 * @param mapper the application's one mapper
	 * @param describe the {@code describe} function, {@code null} for none
	 */
	public PredictionExchange(Function<Payload, Diagnosis> predict, PayloadReader reader, ObjectMapper mapper,
			Supplier<ModelDescription> describe) {
		this.predict = predict;
		this.reader = reader;
		this.mapper = mapper;
		this.describe = describe;
	}

	/** The name by which a request asks for the model's description rather than a prediction. */
	public static final String DESCRIBE = "describe";

	/**
	 * The header by which a cloud request names the function it wants: Spring Cloud Function's own
	 * routing header, which the cloud adapters do not route by themselves.
	 */
	public static final String ROUTING_HEADER = "spring.cloud.function.definition";

	/** @return the served model's description, the {@code describe} function's answer */
	public Reply describe() {
		if (this.describe == null) {
			return reply(Problem.of(404, "This exchange has no describe function."));
		}
		return new Reply(200, JSON, write(this.describe.get()));
	}

	/**
	 * Checks a request without predicting.
	 * @param contentType the request's content type, {@code null} when it has none
	 * @param body the request body
	 * @return the valid payloads
	 * @throws RejectedRequestException with a 415, 413 or 400 problem
	 */
	public PayloadReader.Request accept(String contentType, byte[] body) {
		requireJson(contentType);
		return this.reader.read(body);
	}

	/**
	 * Answers a request: the diagnosis (or an array of them for a batch), or a problem.
	 * @param contentType the request's content type, {@code null} when it has none
	 * @param body the request body
	 * @return the reply; never throws
	 */
	public Reply handle(String contentType, byte[] body) {
		try {
			return answer(accept(contentType, body));
		}
		catch (RejectedRequestException ex) {
			return reply(ex.problem());
		}
		catch (InvalidPayloadException ex) {
			return reply(Problem.invalid(ex.getMessage(), ex.errors()));
		}
		catch (RuntimeException ex) {
			logger.error("Prediction failed", ex);
			return reply(Problem.of(500, "The prediction failed; the server log has the details."));
		}
	}

	/**
	 * @param request an accepted request
	 * @return the diagnosis, or for a batch the array of diagnoses in order
	 */
	public Reply answer(PayloadReader.Request request) {
		List<Diagnosis> diagnoses = new ArrayList<>(request.payloads().size());
		for (Payload payload : request.payloads()) {
			diagnoses.add(this.predict.apply(payload));
		}
		return new Reply(200, JSON, write(request.batch() ? diagnoses : diagnoses.get(0)));
	}

	/** @return the reply that carries this problem */
	public Reply reply(Problem problem) {
		return new Reply(problem.status(), Problem.MEDIA_TYPE, write(problem));
	}

	/** @return the value as JSON, written by the application's one {@link ObjectMapper} */
	public byte[] write(Object value) {
		try {
			return this.mapper.writeValueAsBytes(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", ex);
		}
	}

	/**
	 * @throws RejectedRequestException a 415 unless the content type is {@code application/json}
	 * (with no charset or UTF-8)
	 */
	public static void requireJson(String contentType) {
		if (contentType == null || contentType.isBlank()) {
			throw unsupported("The request has no Content-Type; send the payload as application/json.");
		}
		MimeType type;
		try {
			type = MimeTypeUtils.parseMimeType(contentType);
		}
		catch (InvalidMimeTypeException ex) {
			throw unsupported("The Content-Type is not a media type; send the payload as application/json.");
		}
		String charset = type.getParameter("charset");
		if (!type.equalsTypeAndSubtype(MimeTypeUtils.APPLICATION_JSON)
				|| (charset != null && !charset.equalsIgnoreCase("utf-8"))) {
			throw unsupported("Only application/json (UTF-8) is accepted; the request is " + type + ".");
		}
	}

	private static RejectedRequestException unsupported(String detail) {
		return new RejectedRequestException(Problem.of(415, detail));
	}

	/**
	 * What to answer.
	 * @param status the HTTP status
	 * @param contentType {@code application/json} or {@code application/problem+json}
	 * @param body the JSON body
	 */
	public record Reply(int status, String contentType, byte[] body) {
	}

}
