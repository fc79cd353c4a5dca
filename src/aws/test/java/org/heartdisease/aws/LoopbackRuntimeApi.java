package org.heartdisease.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback stand-in for the Lambda Runtime API ({@code /2018-06-01/runtime/...} on 127.0.0.1): it
 * hands queued events to the runtime interface client and collects what the function answers, and
 * any error the runtime reports.
 */
final class LoopbackRuntimeApi implements AutoCloseable {

	private static final String PREFIX = "/2018-06-01/runtime/";

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "loopback-runtime-api");
		thread.setDaemon(true);
		return thread;
	});

	private final BlockingQueue<Invocation> events = new LinkedBlockingQueue<>();

	private final Map<String, CompletableFuture<Answer>> answers = new ConcurrentHashMap<>();

	private final List<String> errors = new CopyOnWriteArrayList<>();

	private final CompletableFuture<Long> firstPoll = new CompletableFuture<>();

	private volatile boolean closed;

	LoopbackRuntimeApi() throws IOException {
		// Without TCP_NODELAY every exchange with the runtime client waits out a delayed ACK (~40 ms).
		System.setProperty("sun.net.httpserver.nodelay", "true");
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext(PREFIX, this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/** @return {@code 127.0.0.1:port}, the value of {@code AWS_LAMBDA_RUNTIME_API} */
	String address() {
		return this.server.getAddress().getHostString() + ":" + this.server.getAddress().getPort();
	}

	/** @return when the runtime first asked for an event ({@link System#nanoTime()}): its init is done */
	long awaitFirstPoll(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
		return this.firstPoll.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** @return what the function answered to this event, through {@code /response} or {@code /error} */
	Answer invoke(byte[] event, Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
		String requestId = UUID.randomUUID().toString();
		CompletableFuture<Answer> answer = new CompletableFuture<>();
		this.answers.put(requestId, answer);
		this.events.add(new Invocation(requestId, event));
		return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** @return every error reported to {@code /error} or {@code /init/error} */
	List<String> errors() {
		return List.copyOf(this.errors);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			if (exchange.getRequestMethod().equals("GET") && path.equals("invocation/next")) {
				next(exchange);
			}
			else if (exchange.getRequestMethod().equals("POST") && path.startsWith("invocation/")) {
				String[] parts = path.split("/");
				boolean error = parts[2].equals("error");
				String text = new String(body, StandardCharsets.UTF_8);
				if (error) {
					this.errors.add(parts[1] + ": " + exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type")
							+ " " + text);
				}
				CompletableFuture<Answer> answer = this.answers.remove(parts[1]);
				if (answer != null) {
					answer.complete(new Answer(body, error));
				}
				accepted(exchange);
			}
			else if (exchange.getRequestMethod().equals("POST") && path.equals("init/error")) {
				this.errors.add("init: " + new String(body, StandardCharsets.UTF_8));
				accepted(exchange);
			}
			else {
				exchange.sendResponseHeaders(404, -1);
			}
		}
	}

	private void next(HttpExchange exchange) throws IOException {
		this.firstPoll.complete(System.nanoTime());
		Invocation invocation = null;
		try {
			while (invocation == null && !this.closed) {
				invocation = this.events.poll(200, TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (invocation == null) {
			exchange.sendResponseHeaders(500, -1);
			return;
		}
		exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
		exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
				String.valueOf(System.currentTimeMillis() + 30_000));
		exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
				"arn:aws:lambda:eu-west-1:123456789012:function:heart-disease:live");
		exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
				"Root=1-65f0c0de-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=0");
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, invocation.event().length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(invocation.event());
		}
	}

	private static void accepted(HttpExchange exchange) throws IOException {
		byte[] status = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(202, status.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(status);
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private record Invocation(String requestId, byte[] event) {
	}

	/**
	 * What the runtime posted for one event.
	 * @param body the function's output, or the error document
	 * @param error whether it came to {@code /error}
	 */
	record Answer(byte[] body, boolean error) {
	}

}
