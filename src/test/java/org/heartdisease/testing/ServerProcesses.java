package org.heartdisease.testing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the tests that start a real server process (the packaged local jar, Google's invoker, the Kafka broker) share:
 * a free loopback port for it, and the one readiness rule of the HTTP ones.
 */
public final class ServerProcesses {

	private ServerProcesses() {
	}

	/** A loopback port that was free a moment ago, for a process to listen on. */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Returns once {@code OPTIONS predict} is answered 204 (it needs neither a body nor the model); fails with the
	 * process's output if it exits first or does not answer within the timeout.
	 * @param name what the process is, for the failure message
	 * @param log the file the process writes its output to
	 */
	public static void awaitAnswer(HttpClient client, URI predict, Process process, String name, Path log,
			Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						"The " + name + " exited with " + process.exitValue() + ":\n" + Files.readString(log));
			}
			try {
				HttpRequest probe = HttpRequest.newBuilder(predict).timeout(Duration.ofSeconds(2))
					.method("OPTIONS", BodyPublishers.noBody())
					.build();
				if (client.send(probe, BodyHandlers.discarding()).statusCode() == 204) {
					return;
				}
			}
			catch (ConnectException | HttpTimeoutException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException(
				"The " + name + " did not answer within " + timeout + ":\n" + Files.readString(log));
	}

}
