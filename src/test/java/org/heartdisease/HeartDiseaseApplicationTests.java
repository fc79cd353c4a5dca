package org.heartdisease;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.heartdisease.batch.command.ScoringCommand;
import org.heartdisease.training.command.TrainingCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which arguments make the application a one-shot command rather than a server, and when the server
 * starts with Spring AOT's generated code (the packaged jar doing so is LocalJarIT's).
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
			--score=patients.csv, true
			--score=-,            true
			--score=false,        false
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
		assertThat(HeartDiseaseApplication.primarySource(new String[] { "--score=patients.csv" }))
			.isEqualTo(ScoringCommand.class);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			--trian                          | --trian
			--scor=patients.csv              | --scor
			--server.port=8081 --help-me     | --help-me
			--server.port=8081               | none
			--debug --trace                  | none
			--train=false                    | none
			--score=false --logging.level.root=info | none
			--trian --train                  | none
			""")
	void shouldNameAMistypedCommandInsteadOfStartingTheServer(String line, String mistyped) {
		// With a command given, the command's own options check the rest (--trian there is an unknown option).
		assertThat(HeartDiseaseApplication.mistypedCommand(line.split(" "))).isEqualTo(mistyped);
	}

	@Test
	void shouldStartWithTheGeneratedCodeOnlyFromAPackagedJarThatHasItUnlessTold(@TempDir Path dir) throws IOException {
		File jar = Files.createFile(dir.resolve("app.jar")).toFile();
		File classes = Files.createDirectory(dir.resolve("classes")).toFile();
		assertThat(HeartDiseaseApplication.switchesOnAotStartup(null, jar, true)).isTrue();
		// spring-boot:run, an IDE, the tests: the generated code may be older than the classes.
		assertThat(HeartDiseaseApplication.switchesOnAotStartup(null, classes, true)).isFalse();
		assertThat(HeartDiseaseApplication.switchesOnAotStartup(null, null, true)).isFalse();
		// A jar built without process-aot (the kafka deployable).
		assertThat(HeartDiseaseApplication.switchesOnAotStartup(null, jar, false)).isFalse();
		// Whatever the user set stands: main switches nothing on over it.
		assertThat(HeartDiseaseApplication.switchesOnAotStartup("false", jar, true)).isFalse();
		assertThat(HeartDiseaseApplication.switchesOnAotStartup("true", jar, true)).isFalse();
	}

}
