package org.heartdisease.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;

/**
 * The scorer's Prometheus scrape at {@code http://ADDRESS:PORT/metrics}: the answers' meters
 * ({@code heart_*}, as on the local server) beside the consumers' lag
 * ({@code kafka_consumer_fetch_manager_records_lag_max}) and the JVM's, served by the Prometheus client's own
 * HTTP server on the JDK's, since the scorer has no web server. Loopback by default: a pod's scraper
 * needs {@code heart.kafka.metrics-address=0.0.0.0}.
 */
final class MetricsEndpoint implements AutoCloseable {

	private final HTTPServer server;

	private MetricsEndpoint(HTTPServer server) {
		this.server = server;
	}

	/**
	 * @param registry the application's Prometheus registry
	 * @param address the address to listen on
	 * @param port the port, 0 for any free one
	 * @return the started endpoint
	 */
	static MetricsEndpoint start(PrometheusMeterRegistry registry, String address, int port) {
		try {
			return new MetricsEndpoint(HTTPServer.builder()
				.hostname(address)
				.port(port)
				.registry(registry.getPrometheusRegistry())
				.buildAndStart());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot serve the metrics on " + address + ":" + port, ex);
		}
	}

	/** @return the port it listens on */
	int port() {
		return this.server.getPort();
	}

	@Override
	public void close() {
		this.server.close();
	}

}
