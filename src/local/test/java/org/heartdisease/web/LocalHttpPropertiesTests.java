package org.heartdisease.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.heartdisease.FuzzPayloads;
import org.heartdisease.HeartDiseaseApplication;
import org.heartdisease.api.PredictionExchange;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local HTTP surface over random, mutated and hostile bodies: whatever arrives, the answer
 * over real HTTP is exactly the shared exchange's, and never a 5xx.
 */
class LocalHttpPropertiesTests {

	private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static ConfigurableApplicationContext context;

	private static URI predict;

	private static PredictionExchange exchange;

	@BeforeContainer
	static void startServer() {
		context = SpringApplication.run(HeartDiseaseApplication.class, "--server.port=0",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		predict = URI.create("http://127.0.0.1:" + port + "/predict");
		exchange = context.getBean(PredictionExchange.class);
	}

	@AfterContainer
	static void stopServer() {
		context.close();
	}

	@Property(tries = 10_000)
	void shouldAnswerEveryBodyOverHttpExactlyAsTheExchange(@ForAll("bodies") byte[] body) throws Exception {
		HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(predict)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofByteArray(body))
			.build(), BodyHandlers.ofByteArray());
		PredictionExchange.Answer expected = exchange.answer(new PredictionExchange.Call("POST", "/predict",
				"application/json", body.length, new ByteArrayInputStream(body)));
		assertThat(response.statusCode()).isLessThan(500).isEqualTo(expected.status());
		assertThat(response.headers().firstValue("Content-Type")).hasValue(expected.contentType());
		assertThat(new String(response.body(), StandardCharsets.UTF_8))
			.isEqualTo(new String(expected.body(), StandardCharsets.UTF_8));
	}

	@Provide
	Arbitrary<byte[]> bodies() {
		return FuzzPayloads.requestBodies();
	}

}
