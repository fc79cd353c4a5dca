package org.heartdisease;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.heartdisease.training.command.TrainingCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which arguments make the application a one-shot command rather than a server.
 */
class HeartDiseaseApplicationTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(textBlock = """
			--train,              true
			--train=true,         true
			--train=yes,          true
			--train=false,        false
			--help,               true
			--gate,               true
			--gate=false,         false
			--help=false,         false
			--trainer,            false
			--server.port=8081,   false
			""")
	void shouldRunAsACommandExactlyWhenTheRunnersWould(String arg, boolean command) {
		assertThat(HeartDiseaseApplication.isCommand(new String[] { arg })).isEqualTo(command);
	}

	@Test
	void shouldTrainInTheCommandContextAndRunEverythingElseInTheApplication() {
		assertThat(HeartDiseaseApplication.primarySource(new String[] { "--train", "--dataset=x" }))
			.isEqualTo(TrainingCommand.class);
		assertThat(HeartDiseaseApplication.primarySource(new String[] { "--help", "--train" }))
			.isEqualTo(TrainingCommand.class);
		assertThat(HeartDiseaseApplication.primarySource(new String[] { "--train=false", "--gate" }))
			.isEqualTo(HeartDiseaseApplication.class);
		assertThat(HeartDiseaseApplication.primarySource(new String[] { "--gate" })).isEqualTo(HeartDiseaseApplication.class);
		assertThat(HeartDiseaseApplication.primarySource(new String[] { "--help" })).isEqualTo(HeartDiseaseApplication.class);
		assertThat(HeartDiseaseApplication.primarySource(new String[0])).isEqualTo(HeartDiseaseApplication.class);
	}

}
