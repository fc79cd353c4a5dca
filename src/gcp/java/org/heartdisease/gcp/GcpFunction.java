package org.heartdisease.gcp;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import org.heartdisease.HeartDiseaseApplication;

import org.springframework.cloud.function.adapter.gcp.FunctionInvoker;

/**
 * The entry point Cloud Functions runs ({@code --entry-point}): the adapter's {@code FunctionInvoker}
 * over {@link HeartDiseaseApplication}, handed a request and a response that make up for what it
 * drops or does in the wrong order. Transport only; every rule is the exchange's.
 * <ul>
 * <li>The adapter gives the function only the request's headers and reader: here the headers are the
 * method, path (no query), content type and declared length under internal names, nothing the client
 * sent, and the reader decodes ISO-8859-1, so that every byte the client sent reaches
 * {@link GcpPredictFunction} as one char. The request's own content type is hidden, or the adapter
 * would copy it onto an answer that has none (a {@code 204}).</li>
 * <li>The adapter writes the body before it sets the status (Jetty commits a {@code 200} once its
 * buffer fills) and through Jetty's writer (whose charset follows the content type, ISO-8859-1 for
 * {@code application/problem+json}): here the body is held until the adapter is done, then sent as
 * UTF-8 bytes. The adapter's {@code statusCode} header is a status, not a header to send.</li>
 * </ul>
 */
public class GcpFunction extends FunctionInvoker {

	static final String METHOD = "heart-gcp-method", PATH = "heart-gcp-path", CONTENT_TYPE = "heart-gcp-content-type",
			LENGTH = "heart-gcp-length";

	public GcpFunction() {
		this(HeartDiseaseApplication.class);
	}

	GcpFunction(Class<?> configuration) {
		super(configuration);
	}

	@Override
	public void service(HttpRequest request, HttpResponse response) throws Exception {
		HeldResponse held = new HeldResponse(response);
		super.service(new CallRequest(request), held);
		drain(request);
		held.send();
	}

	/**
	 * Reads what the exchange left of the body (it refuses a 404, 415 or 413 without reading it), up
	 * to Tomcat's default of 2 MiB, as the local server's Tomcat swallows it: Jetty would otherwise
	 * close the connection on unread content and the client could lose the answer to a reset.
	 */
	private static void drain(HttpRequest request) throws IOException {
		try {
			InputStream body = request.getInputStream();
			byte[] buffer = new byte[8192];
			long left = MAX_DRAINED;
			int read;
			while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) != -1) {
				left -= read;
			}
		}
		catch (IOException | RuntimeException ex) {
			// the client went away, or the stream was closed: nothing left to answer on
		}
	}

	private static final long MAX_DRAINED = 2L * 1024 * 1024;

	private record CallRequest(HttpRequest request) implements HttpRequest {

		@Override
		public Map<String, List<String>> getHeaders() {
			Map<String, List<String>> headers = new HashMap<>(Map.of(METHOD, List.of(getMethod()), PATH,
					List.of(getPath()), LENGTH, List.of(String.valueOf(getContentLength()))));
			this.request.getContentType().ifPresent((type) -> headers.put(CONTENT_TYPE, List.of(type)));
			return headers;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.ISO_8859_1));
		}

		@Override
		public Optional<String> getContentType() {
			return Optional.empty();
		}

		@Override
		public String getMethod() {
			return this.request.getMethod();
		}

		@Override
		public String getUri() {
			return this.request.getUri();
		}

		@Override
		public String getPath() {
			return this.request.getPath();
		}

		@Override
		public Optional<String> getQuery() {
			return this.request.getQuery();
		}

		@Override
		public Map<String, List<String>> getQueryParameters() {
			return this.request.getQueryParameters();
		}

		@Override
		public Map<String, HttpPart> getParts() {
			return this.request.getParts();
		}

		@Override
		public long getContentLength() {
			return this.request.getContentLength();
		}

		@Override
		public Optional<String> getCharacterEncoding() {
			return this.request.getCharacterEncoding();
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return this.request.getInputStream();
		}

	}

	private record HeldResponse(HttpResponse response, ByteArrayOutputStream body, BufferedWriter writer)
			implements HttpResponse {

		HeldResponse(HttpResponse response) {
			this(response, new ByteArrayOutputStream());
		}

		private HeldResponse(HttpResponse response, ByteArrayOutputStream body) {
			this(response, body, new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8)));
		}

		void send() throws IOException {
			this.writer.flush();
			this.body.writeTo(this.response.getOutputStream());
		}

		@Override
		public void appendHeader(String header, String value) {
			if (!HTTP_STATUS_CODE.equals(header)) {
				this.response.appendHeader(header, value);
			}
		}

		@Override
		public BufferedWriter getWriter() {
			return this.writer;
		}

		@Override
		public OutputStream getOutputStream() {
			return this.body;
		}

		@Override
		public void setStatusCode(int code) {
			this.response.setStatusCode(code);
		}

		@Override
		public void setStatusCode(int code, String message) {
			this.response.setStatusCode(code, message);
		}

		@Override
		public void setContentType(String contentType) {
			this.response.setContentType(contentType);
		}

		@Override
		public Optional<String> getContentType() {
			return this.response.getContentType();
		}

		@Override
		public Map<String, List<String>> getHeaders() {
			return this.response.getHeaders();
		}

	}

}
