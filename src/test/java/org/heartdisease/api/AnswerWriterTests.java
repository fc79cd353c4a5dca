package org.heartdisease.api;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.heartdisease.prediction.Diagnosis;
import org.heartdisease.prediction.Explanation;
import org.heartdisease.prediction.FieldError;

import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming writer answers with the very bytes Jackson's data binding wrote before it, through the
 * mapper Spring Boot builds (Jackson2ObjectMapperBuilder's defaults), for any diagnosis, batch and problem:
 * any text (quotes, control characters, any code point), any double, null and empty parts.
 */
class AnswerWriterTests {

	private static final ObjectMapper boot = Jackson2ObjectMapperBuilder.json().build();

	@Property(tries = 3_000)
	void shouldWriteADiagnosisAsDataBindingDoes(@ForAll("diagnoses") Diagnosis diagnosis) throws Exception {
		assertThat(new String(AnswerWriter.diagnosis(diagnosis), "UTF-8"))
			.isEqualTo(new String(boot.writeValueAsBytes(diagnosis), "UTF-8"));
	}

	@Property(tries = 500)
	void shouldWriteABatchAsDataBindingDoes(@ForAll("batches") List<Diagnosis> diagnoses) throws Exception {
		assertThat(AnswerWriter.diagnoses(diagnoses)).isEqualTo(boot.writeValueAsBytes(diagnoses));
	}

	@Property(tries = 3_000)
	void shouldWriteAProblemAsDataBindingDoes(@ForAll("problems") Problem problem) throws Exception {
		assertThat(new String(AnswerWriter.problem(problem), "UTF-8"))
			.isEqualTo(new String(boot.writeValueAsBytes(problem), "UTF-8"));
	}

	@Provide
	Arbitrary<Diagnosis> diagnoses() {
		Arbitrary<Explanation.Contribution> contribution = Combinators
			.combine(texts(), doubles(), texts().injectNull(0.2), doubles(), Arbitraries.of(true, false))
			.as(Explanation.Contribution::new);
		Arbitrary<Explanation> explanation = Combinators
			.combine(doubles(), doubles(), contribution.list().ofMaxSize(14).injectNull(0.05))
			.as(Explanation::new);
		Arbitrary<Diagnosis.ModelVersion> model = Combinators.combine(texts().injectNull(0.1), texts().injectNull(0.1))
			.as(Diagnosis.ModelVersion::new);
		return Combinators
			.combine(texts().injectNull(0.05), doubles(), texts().list().ofMaxSize(4).injectNull(0.05),
					model.injectNull(0.05), explanation.injectNull(0.05))
			.as(Diagnosis::new);
	}

	@Provide
	Arbitrary<List<Diagnosis>> batches() {
		return diagnoses().list().ofMaxSize(5);
	}

	@Provide
	Arbitrary<Problem> problems() {
		Arbitrary<FieldError> error = Combinators
			.combine(Arbitraries.integers().between(0, 1000).injectNull(0.5), texts().injectNull(0.2),
					texts().injectNull(0.1))
			.as(FieldError::new);
		return Combinators
			.combine(texts().injectNull(0.1), texts().injectNull(0.1), Arbitraries.integers().between(0, 599),
					texts().injectNull(0.2), error.list().ofMaxSize(4).injectNull(0.2))
			.as(Problem::new);
	}

	private static Arbitrary<String> texts() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
				Arbitraries.strings().withChars("\"\\/\n\t\u0000\u001f\u007f\u2028é€😀").ofMaxLength(6),
				Arbitraries.of("", "heart-disease", "clear", "thal = 7 (reversible defect)"));
	}

	private static Arbitrary<Double> doubles() {
		return Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.doubles().between(0, 1),
				Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-7, 1e21, 0.1 + 0.2));
	}

}
