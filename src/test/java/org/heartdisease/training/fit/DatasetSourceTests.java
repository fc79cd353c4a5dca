package org.heartdisease.training.fit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DatasetSource}.
 */
class DatasetSourceTests {

	// SHA-256 of "abc", from FIPS 180-2.
	private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	@Test
	void shouldReadAPathOrFileUrlAndHashItsBytes(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("d.data"), "abc", StandardCharsets.US_ASCII);
		assertThat(DatasetSource.load(file.toString(), null).sha256()).isEqualTo(ABC_SHA256);
		DatasetSource viaUrl = DatasetSource.load(file.toUri().toString(), ABC_SHA256.toUpperCase());
		assertThat(viaUrl.bytes()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
		assertThat(viaUrl.source()).startsWith("file:");
	}

	@Test
	void shouldNameBothHashesOnAMismatch(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("d.data"), "abc", StandardCharsets.US_ASCII);
		String expected = "0".repeat(64);
		assertThatExceptionOfType(TrainingException.class)
			.isThrownBy(() -> DatasetSource.load(file.toString(), expected))
			.withMessageContaining(ABC_SHA256)
			.withMessageContaining(expected);
	}

	@Test
	void shouldSayWhereToDownloadTheClevelandFileWhenItIsMissing(@TempDir Path dir) {
		String missing = dir.resolve("datasets/processed.cleveland.data").toString();
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> DatasetSource.load(missing, null))
			.withMessageContaining("UCI Machine Learning Repository, Heart Disease (id 45)")
			.withMessageContaining("https://archive.ics.uci.edu/dataset/45/heart+disease")
			.withMessageContaining("put it at datasets/processed.cleveland.data, or point --dataset at it");
	}

	@Test
	void shouldNameAMissingFile(@TempDir Path dir) {
		String missing = dir.resolve("none.data").toString();
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> DatasetSource.load(missing, null))
			.withMessageStartingWith(missing + ": no such file");
	}

	@Test
	void shouldExplainARelativeFileUrlInsteadOfThrowingTheUriError() {
		assertThatExceptionOfType(TrainingException.class)
			.isThrownBy(() -> DatasetSource.load("file:datasets/x.csv", null))
			.withMessageStartingWith("file:datasets/x.csv: not a usable file: URL (URI is not hierarchical)")
			.withMessageContaining("file:///path/to/file")
			.withMessageContaining("--dataset=datasets/x.csv");
	}

	@Test
	void shouldNameAnInvalidPathOrUrl() {
		assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> DatasetSource.load("bad\0path", null))
			.withMessageStartingWith("bad\0path: not a valid path");
		assertThatExceptionOfType(TrainingException.class)
			.isThrownBy(() -> DatasetSource.load("file:///a b", null))
			.withMessageStartingWith("file:///a b: not a usable file: URL");
		assertThatExceptionOfType(TrainingException.class)
			.isThrownBy(() -> DatasetSource.load("https://exa mple.org/x.csv", null))
			.withMessageStartingWith("https://exa mple.org/x.csv: not a usable URL");
	}

	@Test
	void shouldPublishOnlyTheFileNameOrTheUrlWithoutCredentialsOrQuery() {
		assertThat(DatasetSource.publishedName("/work/shared/datasets/uci-heart-disease/processed.cleveland.data"))
			.isEqualTo("processed.cleveland.data");
		assertThat(DatasetSource.publishedName("datasets/processed.cleveland.data")).isEqualTo("processed.cleveland.data");
		assertThat(DatasetSource.publishedName("file:///home/someone/heart.csv")).isEqualTo("heart.csv");
		assertThat(DatasetSource.publishedName("heart.csv")).isEqualTo("heart.csv");
		assertThat(DatasetSource.publishedName("https://user:secret@example.org:8443/data/heart.csv?token=abc#x"))
			.isEqualTo("https://example.org:8443/data/heart.csv");
		assertThat(DatasetSource.publishedName("http://example.org/heart.csv")).isEqualTo("http://example.org/heart.csv");
	}

}
