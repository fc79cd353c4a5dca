package org.heartdisease.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.heartdisease.prediction.Predictor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patient payloads are health data: at the default level no log line carries one, valid or not;
 * the documented DEBUG switch on {@link Predictor} shows them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class PayloadLoggingTests {

	private static final String PATIENT = "{\"age\":71,\"sex\":0,\"cp\":2,\"trestbps\":187,\"chol\":417,\"fbs\":0,"
			+ "\"restecg\":1,\"thalach\":97,\"exang\":1,\"oldpeak\":3.7,\"slope\":2,\"ca\":2,\"thal\":7}";

	@LocalServerPort
	int port;

	@Autowired
	LoggingSystem loggingSystem;

	@Test
	void shouldNotLogPayloadsAtTheDefaultLevel(CapturedOutput output) throws Exception {
		// Each request reached the exchange, and the valid one the model: silence is not for lack of traffic.
		assertThat(post(PATIENT)).satisfies((answer) -> assertThat(answer.statusCode()).isEqualTo(200))
			.extracting(HttpResponse::body).asString().contains("\"diagnosis\":\"heart-disease\"");
		assertThat(post(PATIENT.replace("\"cp\":2", "\"cp\":9"))).extracting(HttpResponse::body).asString()
			.contains("\"field\":\"cp\"");
		assertThat(post(PATIENT.replace("}", "}x")).statusCode()).isEqualTo(400);
		assertThat(output.getAll()).doesNotContain("417", "Payload[", "trestbps");
	}

	@Test
	void shouldLogPayloadsWhenPredictorIsSetToDebug(CapturedOutput output) throws Exception {
		this.loggingSystem.setLogLevel(Predictor.class.getName(), LogLevel.DEBUG);
		try {
			assertThat(post(PATIENT).statusCode()).isEqualTo(200);
		}
		finally {
			this.loggingSystem.setLogLevel(Predictor.class.getName(), null);
		}
		assertThat(output.getAll()).contains("Payload[age=71.0, sex=0.0, cp=2.0, trestbps=187.0, chol=417.0");
	}

	private HttpResponse<String> post(String body) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/predict"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

}
