package org.heartdisease;

import java.nio.charset.StandardCharsets;

import org.heartdisease.SurfaceCases.SurfaceCase;
import org.heartdisease.api.PredictionExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one comparison every surface's test makes: what a surface answered to a case, against the
 * shared exchange's own answer to it (and the status the table expects).
 */
public final class SurfaceAnswers {

	private SurfaceAnswers() {
	}

	/**
	 * @param surfaceCase the request
	 * @param status the status the surface answered
	 * @param contentType its {@code Content-Type}, {@code null} for none
	 * @param allow its {@code Allow} header, {@code null} for none
	 * @param body its body
	 */
	public static void assertAnswered(SurfaceCase surfaceCase, int status, String contentType, String allow,
			byte[] body) {
		PredictionExchange.Answer expected = ReferenceExchange.answer(surfaceCase);
		assertThat(status).as("status").isEqualTo(surfaceCase.status()).isEqualTo(expected.status());
		assertThat(contentType).as("Content-Type").isEqualTo(expected.contentType());
		assertThat(allow).as("Allow").isEqualTo(expected.headers().get("Allow"));
		assertThat(new String(body, StandardCharsets.UTF_8)).as("body")
			.isEqualTo(new String(expected.body(), StandardCharsets.UTF_8));
	}

}
