package org.heartdisease.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.heartdisease.monitoring.AnswerMonitor;
import org.heartdisease.monitoring.Recording;
import org.heartdisease.prediction.Diagnosis;
import org.heartdisease.prediction.InvalidPayloadException;
import org.heartdisease.prediction.ModelDescription;
import org.heartdisease.prediction.Payload;

import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * The one exchange every surface speaks: a transport-neutral {@link Call} in (method, path, content
 * type, declared length, body), an {@link Answer} out (status, content type, headers, body). It owns
 * every rule of the API: routing, {@code 404}/{@code 405}/{@code 415}/{@code 413}, single and batch
 * payloads, limits, problem bodies, and the one catch-all of the code base. A surface only maps its
 * transport onto a {@code Call} and the {@code Answer} back. Every answer is recorded here, with the
 * {@link AnswerMonitor}: each diagnosis, or the problem a request got.
 *
 * <p>Routes, matched on the exact path (no decoding, no trailing slash, no case folding, so that no
 * other spelling of a path can reach the model):
 * <ul>
 * <li>{@code POST /predict} and {@code POST /}: one payload or a batch, answered by {@code predict};</li>
 * <li>{@code GET /model}: the served model's description, answered by {@code describe};</li>
 * <li>{@code GET /v3/api-docs}: the OpenAPI description of these routes, {@value #API_DOCUMENT} on the
 * class path, generated when the project builds and read once, here; a {@code 404} when the build did
 * not make it (a run from an IDE);</li>
 * <li>{@code GET /} from a browser ({@code Accept: text/html}) and {@code GET /page/...}: the page that
 * tries the model, {@link Page}'s rule, consulted first;</li>
 * <li>{@code HEAD} where {@code GET} is allowed: the same answer without a body;</li>
 * <li>{@code OPTIONS}: {@code 204} with {@code Allow}; any other method: {@code 405} with {@code Allow};</li>
 * <li>any other path: {@code 404}.</li>
 * </ul>
 */
public final class PredictionExchange {

	/** The media type of a diagnosis or a model description. */
	public static final String JSON = "application/json";

	/** The class path resource of the OpenAPI description, written by the build. */
	public static final String API_DOCUMENT = "openapi.json";

	private static final Log logger = LogFactory.getLog(PredictionExchange.class);

	private static final Route PREDICT = new Route("POST, OPTIONS",
			"Use POST with an application/json payload.");

	private static final Route MODEL = new Route("GET, HEAD, OPTIONS", "Use GET to read the model's description.");

	private static final Route API_DOCS = new Route("GET, HEAD, OPTIONS", "Use GET to read the OpenAPI description.");

	private static final Map<String, Route> ROUTES = Map.of("/predict", PREDICT, "/", PREDICT, "/model", MODEL,
			"/v3/api-docs", API_DOCS);

	private final Function<Payload, Diagnosis> predict;

	private final Supplier<ModelDescription> describe;

	private final PayloadReader reader;

	private final RequestLimits limits;

	private final ObjectMapper mapper;

	private final Supplier<byte[]> apiDocument;

	private final AnswerMonitor monitor;

	/**
	 * @param predict the {@code predict} function
	 * @param describe the {@code describe} function
	 * @param reader the request body reader
	 * @param limits the request limits
	 * @param mapper the application's one mapper, which writes the model's description (diagnoses and
	 * problems, the answers of every request, are written by {@link AnswerWriter})
	 * @param monitor what records every answer
	 */
	public PredictionExchange(Function<Payload, Diagnosis> predict, Supplier<ModelDescription> describe,
			PayloadReader reader, RequestLimits limits, ObjectMapper mapper, AnswerMonitor monitor) {
		this(predict, describe, reader, limits, mapper, ApiDocument::bytes, monitor);
	}

	/** As above, with the OpenAPI description's bytes, {@code null} for none. */
	PredictionExchange(Function<Payload, Diagnosis> predict, Supplier<ModelDescription> describe,
			PayloadReader reader, RequestLimits limits, ObjectMapper mapper, Supplier<byte[]> apiDocument,
			AnswerMonitor monitor) {
		this.predict = predict;
		this.describe = describe;
		this.reader = reader;
		this.limits = limits;
		this.mapper = mapper;
		this.apiDocument = apiDocument;
		this.monitor = monitor;
	}

	/** Read on the first request for it, not at a cold start. */
	private static final class ApiDocument {

		private static final byte[] BYTES = readApiDocument();

		static byte[] bytes() {
			return BYTES;
		}

	}

	/** @return {@value #API_DOCUMENT}'s bytes, {@code null} when the build did not write it */
	static byte[] readApiDocument() {
		try (InputStream in = PredictionExchange.class.getClassLoader().getResourceAsStream(API_DOCUMENT)) {
			return (in != null) ? in.readAllBytes() : null;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + API_DOCUMENT + " from the class path", ex);
		}
	}

	/** @return each route's path and the methods it answers, as its {@code Allow} header says them */
	static Map<String, String> allowedMethods() {
		Map<String, String> allowed = new TreeMap<>();
		ROUTES.forEach((path, route) -> allowed.put(path, route.allow()));
		return allowed;
	}

	/**
	 * Answers a call. Never throws: whatever fails unexpectedly is logged and answered with a
	 * {@code 500} problem that shows no internals (the one catch-all of the code base).
	 * @param call the request
	 * @return the answer
	 */
	public Answer answer(Call call) {
		Recording recording = this.monitor.start();
		Answer answer;
		try {
			answer = route(call, recording);
		}
		catch (RuntimeException ex) {
			logger.error("The request could not be answered", ex);
			answer = problem(Problem.of(500, "The request could not be answered; the server log has the details."));
		}
		if (answer.status() >= 400) {
			recording.rejected(answer.status());
		}
		this.monitor.finish(recording);
		return "HEAD".equals(call.method()) ? answer.withoutBody() : answer;
	}

	private Answer route(Call call, Recording recording) {
		Answer page = Page.answer(call);
		if (page != null) {
			return page;
		}
		Route route = ROUTES.get(call.path());
		if (route == null) {
			return problem(Problem.of(404, "There is nothing at " + Problem.echoed(String.valueOf(call.path()))
					+ "; POST a payload to /predict, or GET /model."));
		}
		String method = String.valueOf(call.method());
		if (method.equals("OPTIONS")) {
			return new Answer(204, null, Map.of("Allow", route.allow()), new byte[0]);
		}
		if (route == MODEL && (method.equals("GET") || method.equals("HEAD"))) {
			return new Answer(200, JSON, Map.of(), write(this.describe.get()));
		}
		if (route == API_DOCS && (method.equals("GET") || method.equals("HEAD"))) {
			byte[] document = this.apiDocument.get();
			return (document != null) ? new Answer(200, JSON, Map.of(), document)
					: problem(Problem.of(404, "This build has no OpenAPI description: " + API_DOCUMENT
							+ " is written to the class path when Maven builds the project."));
		}
		if (route == PREDICT && method.equals("POST")) {
			return predict(call, recording);
		}
		return problem(Problem.of(405, route.hint()), Map.of("Allow", route.allow()));
	}

	private Answer predict(Call call, Recording recording) {
		try {
			// Type and length are judged before the body is read: neither a 415 nor a 413 needs it.
			requireJson(call.contentType());
			if (call.declaredLength() > this.limits.maxBodyBytes()) {
				throw this.limits.bodyTooLarge();
			}
			PayloadReader.Request request = this.reader.read(readBody(call.body()));
			List<Diagnosis> diagnoses = new ArrayList<>(request.payloads().size());
			for (Payload payload : request.payloads()) {
				diagnoses.add(this.predict.apply(payload));
			}
			// Counted once every payload is answered, so that a call that fails part way counts one error.
			for (int i = 0; i < diagnoses.size(); i++) {
				recording.diagnosed(request.payloads().get(i), diagnoses.get(i).diagnosis());
			}
			return new Answer(200, JSON, Map.of(),
					request.batch() ? AnswerWriter.diagnoses(diagnoses) : AnswerWriter.diagnosis(diagnoses.get(0)));
		}
		catch (RejectedRequestException ex) {
			return problem(ex.problem());
		}
		catch (InvalidPayloadException ex) {
			return problem(Problem.invalid(ex.getMessage(), ex.errors()));
		}
	}

	// Reads no more than one byte past the limit, so a large body is refused without being held whole.
	private byte[] readBody(InputStream body) {
		if (body == null) {
			return new byte[0];
		}
		int max = this.limits.maxBodyBytes();
		try (body) {
			byte[] bytes = body.readNBytes(max + 1);
			if (bytes.length > max) {
				throw this.limits.bodyTooLarge();
			}
			return bytes;
		}
		catch (IOException ex) {
			logger.info("The request body could not be read: " + ex.getMessage());
			throw new RejectedRequestException(Problem.of(400, "The body could not be read."));
		}
	}

	/** @throws RejectedRequestException a 415 unless the type is {@code application/json}, UTF-8 or no charset */
	private static void requireJson(String contentType) {
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
			throw unsupported("Only application/json (UTF-8) is accepted; the request is "
					+ Problem.echoed(type.toString()) + ".");
		}
	}

	private static RejectedRequestException unsupported(String detail) {
		return new RejectedRequestException(Problem.of(415, detail));
	}

	private Answer problem(Problem problem) {
		return problem(problem, Map.of());
	}

	private Answer problem(Problem problem, Map<String, String> headers) {
		return new Answer(problem.status(), Problem.MEDIA_TYPE, headers, AnswerWriter.problem(problem));
	}

	private byte[] write(Object value) {
		try {
			return this.mapper.writeValueAsBytes(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", ex);
		}
	}

	private record Route(String allow, String hint) {
	}

	/**
	 * A request, whatever carried it.
	 * @param method the HTTP method, as sent (methods are case-sensitive)
	 * @param path the path as sent, without the query string
	 * @param contentType the {@code Content-Type}, {@code null} for none
	 * @param declaredLength the {@code Content-Length}, {@code -1} when not declared
	 * @param body the body, read only when the route needs it; {@code null} for none
	 * @param accept the {@code Accept} header, {@code null} for none: {@code text/html} asks {@code GET /} for
	 * the page ({@link Page})
	 * @param ifNoneMatch the {@code If-None-Match} header, {@code null} for none: a page file the browser
	 * holds is answered {@code 304}
	 */
	public record Call(String method, String path, String contentType, long declaredLength, InputStream body,
			String accept, String ifNoneMatch) {

		/** A call without {@code Accept} or {@code If-None-Match}: what an API client sends. */
		public Call(String method, String path, String contentType, long declaredLength, InputStream body) {
			this(method, path, contentType, declaredLength, body, null, null);
		}

		/**
		 * A payload that came with no HTTP around it (a direct Lambda invocation): a JSON body for
		 * {@code POST /predict}, the only thing such a caller can ask for.
		 * @param body the JSON body
		 * @return the call
		 */
		public static Call payload(byte[] body) {
			return new Call("POST", "/predict", JSON, body.length, new ByteArrayInputStream(body));
		}

	}

	/**
	 * What to answer.
	 * @param status the HTTP status
	 * @param contentType the body's media type, {@code null} when there is no body to describe
	 * @param headers further response headers ({@code Allow}; the page's caching and security headers)
	 * @param body the body, empty for none
	 */
	public record Answer(int status, String contentType, Map<String, String> headers, byte[] body) {

		Answer withoutBody() {
			return new Answer(this.status, this.contentType, this.headers, new byte[0]);
		}

	}

}
