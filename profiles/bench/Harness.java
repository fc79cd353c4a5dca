import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The benchmark suite's process timer, run as a single-file program ({@code java Harness.java ...}) so
 * that it needs nothing but the JDK. Each mode launches a deployable {@code --runs} times and prints one
 * line per run and a summary line {@code RESULT <name> <min> <median> <max> <unit> <runs>}:
 * <ul>
 * <li>{@code http NAME URL_PATH -- COMMAND...}: launch to the first 200 answer to a real prediction
 * (POST of the payload file) on a free loopback port, substituted for {@code {port}} in the command;</li>
 * <li>{@code lambda NAME TASK_ROOT RIC_CLASSPATH}: launch of the runtime interface client with Lambda's
 * default JVM flags to the first answer it posts to a loopback Runtime API for a direct invocation;</li>
 * <li>{@code exit NAME FILE -- COMMAND...}: launch to a zero exit having written FILE (training);</li>
 * <li>{@code jmh RESULT_JSON}: one line per benchmark of a JMH JSON result, tab-separated: name, then the
 * min, median and max of its measured iterations over all forks, and their count.</li>
 * </ul>
 * The clock is {@link System#nanoTime()}, started just before {@link ProcessBuilder#start()}. With
 * {@code -Dclasses=true} each launch also logs the classes it loads ({@code -Xlog:class+load}, through
 * {@code JDK_JAVA_OPTIONS} for a {@code java} command) and, at its first answer, prints how many it had
 * loaded; a second summary line {@code RESULT-CLASSES <name> <min> <median> <max> classes <runs>} follows.
 */
public class Harness {

	static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	static final Duration TIMEOUT = Duration.ofSeconds(120);

	public static void main(String[] args) throws Exception {
		int runs = Integer.parseInt(System.getProperty("runs", "5"));
		byte[] payload = Files.readAllBytes(Path.of(System.getProperty("payload", "src/test/resources/payloads/example.json")));
		String mode = args[0];
		if (mode.equals("jmh")) {
			jmh(Path.of(args[1]));
			return;
		}
		String name = args[1];
		List<Double> millis = new ArrayList<>();
		List<Double> classes = new ArrayList<>();
		for (int run = 1; run <= runs; run++) {
			classLog = !CLASSES ? null : (KEPT_CLASS_LOGS == null) ? Files.createTempFile("bench-classes", ".log")
					: Files.createDirectories(Path.of(KEPT_CLASS_LOGS)).resolve(name + "-" + run + ".classes.log");
			double ms = switch (mode) {
				case "http" -> http(args[2], command(args, 3), payload);
				case "lambda" -> lambda(Path.of(args[2]), args[3], payload);
				case "exit" -> exit(Path.of(args[2]), command(args, 3));
				default -> throw new IllegalArgumentException("unknown mode " + mode);
			};
			System.out.printf("run %d %s %.0f ms%n", run, name, ms);
			millis.add(ms);
			if (classLog != null) {
				System.out.printf("run %d %s %d classes loaded at the first answer%n", run, name, loadedClasses);
				classes.add((double) loadedClasses);
				if (KEPT_CLASS_LOGS == null) {
					Files.deleteIfExists(classLog);
				}
			}
		}
		summary("RESULT", name, millis, "ms");
		if (CLASSES) {
			summary("RESULT-CLASSES", name, classes, "classes");
		}
	}

	static final boolean CLASSES = Boolean.getBoolean("classes");

	/** With {@code -DclassLogs=DIR} the class logs are kept there, NAME-RUN.classes.log, to be read by group. */
	static final String KEPT_CLASS_LOGS = System.getProperty("classLogs");

	static Path classLog;

	static long loadedClasses;

	static void summary(String label, String name, List<Double> values, String unit) {
		Collections.sort(values);
		double median = (values.size() % 2 == 1) ? values.get(values.size() / 2)
				: (values.get(values.size() / 2 - 1) + values.get(values.size() / 2)) / 2;
		System.out.printf("%s %s %.0f %.0f %.0f %s %d%n", label, name, values.get(0), median,
				values.get(values.size() - 1), unit, values.size());
	}

	/** The JVM option that logs every class loaded into this run's log, or {@code null} when not counting. */
	static String classLogOption() {
		return (classLog != null) ? "-Xlog:class+load=info:file=" + classLog : null;
	}

	/** Counts the classes the launch has loaded so far: one log line each (read at the first answer). */
	static void countClasses() throws IOException {
		if (classLog != null) {
			try (var lines = Files.lines(classLog)) {
				loadedClasses = lines.filter((line) -> line.contains("source:")).count();
			}
		}
	}

	static void jmh(Path json) throws IOException {
		String text = Files.readString(json);
		java.util.regex.Matcher benchmark = java.util.regex.Pattern.compile("\"benchmark\"\\s*:\\s*\"([^\"]+)\"").matcher(text);
		List<Integer> starts = new ArrayList<>();
		List<String> names = new ArrayList<>();
		while (benchmark.find()) {
			starts.add(benchmark.start());
			names.add(benchmark.group(1));
		}
		starts.add(text.length());
		for (int i = 0; i < names.size(); i++) {
			String section = text.substring(starts.get(i), starts.get(i + 1));
			int open = section.indexOf('[', section.indexOf("\"rawData\""));
			int close = open;
			for (int depth = 0; close < section.length(); close++) {
				depth += (section.charAt(close) == '[') ? 1 : (section.charAt(close) == ']') ? -1 : 0;
				if (depth == 0) {
					break;
				}
			}
			java.util.regex.Matcher number = java.util.regex.Pattern.compile("-?[0-9][0-9.eE+-]*").matcher(section.substring(open, close));
			List<Double> values = new ArrayList<>();
			while (number.find()) {
				values.add(Double.parseDouble(number.group()));
			}
			Collections.sort(values);
			int n = values.size();
			double median = (n % 2 == 1) ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
			System.out.printf("%s\t%.3f\t%.3f\t%.3f\t%d%n", names.get(i), values.get(0), median, values.get(n - 1), n);
		}
	}

	static List<String> command(String[] args, int from) {
		int dashes = Arrays.asList(args).indexOf("--");
		return new ArrayList<>(Arrays.asList(args).subList(Math.max(from, dashes + 1), args.length));
	}

	static double http(String path, List<String> command, byte[] payload) throws Exception {
		int port = freePort();
		command.replaceAll((arg) -> arg.replace("{port}", String.valueOf(port)));
		Path log = Files.createTempFile("bench-http", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		javaOptions(builder);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(payload))
			.build();
		long started = System.nanoTime();
		Process process = builder.start();
		try {
			while (System.nanoTime() - started < TIMEOUT.toNanos()) {
				if (!process.isAlive()) {
					throw new IllegalStateException("exited with " + process.exitValue() + ":\n" + Files.readString(log));
				}
				try {
					HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() == 200) {
						long answered = System.nanoTime();
						cpu(process);
						countClasses();
						if (!response.body().contains("\"diagnosis\"")) {
							throw new IllegalStateException("not a diagnosis: " + response.body());
						}
						return (answered - started) / 1e6;
					}
				}
				catch (ConnectException ex) {
					// not listening yet
				}
				Thread.sleep(2);
			}
			throw new IllegalStateException("no answer within " + TIMEOUT + ":\n" + Files.readString(log));
		}
		finally {
			stop(process);
			Files.deleteIfExists(log);
		}
	}

	static double lambda(Path taskRoot, String ricClasspath, byte[] payload) throws Exception {
		String handler = System.getProperty("handler", "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest");
		CompletableFuture<String> answer = new CompletableFuture<>();
		AtomicBoolean served = new AtomicBoolean();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task);
			thread.setDaemon(true);
			return thread;
		}));
		server.createContext("/2018-06-01/runtime/", (exchange) -> runtimeApi(exchange, payload, served, answer));
		server.start();
		Path log = Files.createTempFile("bench-lambda", ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC"));
		String extra = System.getProperty("jvmArgs", "");
		if (!extra.isBlank()) {
			command.addAll(Arrays.asList(extra.trim().split("\\s+")));
		}
		if (classLogOption() != null) {
			command.add(classLogOption());
		}
		command.addAll(List.of("-cp", ricClasspath, "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler));
		ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> environment = builder.environment();
		environment.clear();
		environment.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getAddress().getPort());
		environment.put("LAMBDA_TASK_ROOT", taskRoot.toString());
		environment.put("LAMBDA_RUNTIME_DIR", taskRoot.toString());
		environment.put("_HANDLER", handler);
		environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java25");
		environment.put("AWS_LAMBDA_FUNCTION_NAME", "heart-disease");
		environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
		environment.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
		environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
		environment.put("AWS_REGION", "eu-west-1");
		environment.put("TZ", ":UTC");
		environment.put("LANG", "en_US.UTF-8");
		environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
		long started = System.nanoTime();
		Process process = builder.start();
		try {
			String body = answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			long answered = System.nanoTime();
			cpu(process);
			countClasses();
			if (!body.contains("\"diagnosis\"")) {
				throw new IllegalStateException("not a diagnosis: " + body + "\n" + Files.readString(log));
			}
			return (answered - started) / 1e6;
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("no answer within " + TIMEOUT + ":\n" + Files.readString(log));
		}
		finally {
			stop(process);
			server.stop(0);
			Files.deleteIfExists(log);
		}
	}

	// The first poll gets the event; later polls wait until the process is stopped.
	static void runtimeApi(HttpExchange exchange, byte[] payload, AtomicBoolean served, CompletableFuture<String> answer)
			throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			if (path.endsWith("/invocation/next")) {
				if (served.getAndSet(true)) {
					try {
						Thread.sleep(TIMEOUT.toMillis());
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					exchange.sendResponseHeaders(500, -1);
					return;
				}
				exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "bench-1");
				exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + 30_000));
				exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
						"arn:aws:lambda:eu-west-1:123456789012:function:heart-disease");
				exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-65f0c0de-0123456789abcdef01234567;Sampled=0");
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, payload.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(payload);
				}
				return;
			}
			String text = new String(body, StandardCharsets.UTF_8);
			answer.complete(path.endsWith("/response") ? text : "error at " + path + ": " + text);
			byte[] ok = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(202, ok.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(ok);
			}
		}
	}

	/** Adds the class log to what the {@code java} launcher reads from {@code JDK_JAVA_OPTIONS}. */
	static void javaOptions(ProcessBuilder builder) {
		if (classLogOption() != null) {
			String given = builder.environment().getOrDefault("JDK_JAVA_OPTIONS", "");
			builder.environment().put("JDK_JAVA_OPTIONS", (given + " " + classLogOption()).trim());
		}
	}

	static double exit(Path file, List<String> command) throws Exception {
		Files.deleteIfExists(file);
		Path log = Files.createTempFile("bench-exit", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		long started = System.nanoTime();
		Process process = builder.start();
		try {
			if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("still running after " + TIMEOUT);
			}
			long exited = System.nanoTime();
			if (process.exitValue() != 0 || !Files.isRegularFile(file)) {
				throw new IllegalStateException("exit " + process.exitValue() + ", " + file + " written: "
						+ Files.isRegularFile(file) + "\n" + Files.readString(log));
			}
			return (exited - started) / 1e6;
		}
		finally {
			stop(process);
			Files.deleteIfExists(log);
		}
	}

	/**
	 * Prints the CPU time the process has used so far (user + system, all threads, from
	 * {@code /proc/PID/stat}): a figure less disturbed than wall time by whatever else the machine runs.
	 */
	static void cpu(Process process) {
		try {
			String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			System.out.printf("cpu %d ms (user+sys, at the first answer)%n", ticks * 10);
		}
		catch (IOException | RuntimeException ex) {
			// not Linux: wall time only
		}
	}

	static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
