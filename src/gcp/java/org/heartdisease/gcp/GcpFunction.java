package org.heartdisease.gcp;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

import com.google.cloud.functions.Context;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.heartdisease.HeartDiseaseApplication;
import org.heartdisease.api.PredictionExchange;

import org.springframework.cloud.function.adapter.gcp.FunctionInvoker;

/**
 * The entry point Cloud Functions runs ({@code --entry-point}): the adapter's {@code FunctionInvoker},
 * which starts {@link HeartDiseaseApplication} and holds its function catalog, and one seam of this
 * surface's own, {@link #service}. Transport only; every rule is the exchange's.
 */
public class GcpFunction extends FunctionInvoker {

	/** The exported function ({@code function.name}): the shared exchange, a call in and an answer out. */
	static final String NAME = "gcpPredict";

	/** The function an event goes to: a Cloud Storage upload, or the schedule's sweep. */
	static final String SCORE_NAME = "gcpScore";

	public GcpFunction() {
		this(HeartDiseaseApplication.class);
	}

	GcpFunction(Class<?> configuration) {
		super(configuration);
	}

	/**
	 * The one seam. The adapter's own {@code service} hands a function only the request's headers and a
	 * reader, never its method or path, and writes the body before the status, through Jetty's writer in
	 * the charset of the content type. Here the function the adapter's catalog holds gets Google's request
	 * as the exchange's call, bytes and all, and its answer is written as it is: status, type, headers,
	 * then the body's bytes.
	 */
	@Override
	public void service(HttpRequest request, HttpResponse response) throws IOException {
		Function<PredictionExchange.Call, PredictionExchange.Answer> exchange = this.catalog.lookup(NAME);
		PredictionExchange.Answer answer = exchange.apply(new PredictionExchange.Call(request.getMethod(),
				request.getPath(), request.getContentType().orElse(null), request.getContentLength(),
				request.getInputStream(), request.getFirstHeader("Accept").orElse(null),
				request.getFirstHeader("If-None-Match").orElse(null)));
		drain(request);
		response.setStatusCode(answer.status());
		if (answer.contentType() != null) {
			response.setContentType(answer.contentType());
		}
		answer.headers().forEach(response::appendHeader);
		response.getOutputStream().write(answer.body());
	}

	/**
	 * The score function's seam: the invoker hands a Cloud Storage {@code finalized} CloudEvent, or a
	 * Pub/Sub message, to this background-function entry point as its data's JSON; the catalog's
	 * {@code gcpScore} scores it, and its answer is logged (an event function answers nobody).
	 */
	@Override
	public void accept(String json, Context context) {
		Function<String, String> score = this.catalog.lookup(SCORE_NAME);
		logger.info("Event " + context.eventType() + " " + context.eventId() + ": " + score.apply(json));
	}

	private static final Log logger = LogFactory.getLog(GcpFunction.class);

	/**
	 * Reads what the exchange left of the body (it refuses a 404, 415 or 413 unread), up to 2 MiB, as
	 * Tomcat swallows it on the local server: Jetty under Google's invoker otherwise closes the
	 * connection on unread content, and the client loses the answer (GcpInvokerIT's 404, 413 and 415
	 * cases fail without this). A body the client stops sending ends the read; the answer still goes.
	 */
	private static void drain(HttpRequest request) {
		try {
			InputStream body = request.getInputStream();
			byte[] buffer = new byte[8192];
			long left = MAX_DRAINED;
			int read;
			while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) != -1) {
				left -= read;
			}
		}
		catch (IOException ex) {
			// The client went away: nothing will read the answer, which is written anyway.
		}
	}

	private static final long MAX_DRAINED = 2L * 1024 * 1024;

}
