package org.heartdisease.batch.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;

import org.heartdisease.batch.BatchConfiguration;
import org.heartdisease.batch.BatchScorer;
import org.heartdisease.batch.Manifest;
import org.heartdisease.batch.UnreadableFileException;
import org.heartdisease.training.command.CommandRunner;

/**
 * Scores a file with the {@link BatchScorer} when the application is started with {@code --score}:
 * the output is written under a temporary name beside its final one and renamed only once complete,
 * so a failed run leaves nothing under the final name; then the manifest beside it, the same way.
 * Progress goes to stderr. Exit code 0 when the file was scored (rejected rows included: they are
 * marked in the output), 1 when it could not be read or written, 2 for a bad option.
 */
@Component
@ConditionalOnProperty("score")
@Import(BatchConfiguration.class)
class ScoringRunner extends CommandRunner {

	private static final Log logger = LogFactory.getLog(ScoringRunner.class);

	private final ObjectProvider<BatchScorer> scorer;

	private final InputStream in;

	@Autowired
	ScoringRunner(ObjectProvider<BatchScorer> scorer) {
		this(scorer, System.in, System.out, System.err);
	}

	ScoringRunner(ObjectProvider<BatchScorer> scorer, InputStream in, PrintStream out, PrintStream err) {
		super(out, err);
		this.scorer = scorer;
		this.in = in;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		ScoringOptions options = options(arguments, ScoringOptions::parse);
		if (options == null) {
			return;
		}
		Path input = options.input();
		Path output = options.outputFile();
		// The data goes to stdout when asked for; then the words go to stderr.
		PrintStream report = (output == null) ? this.err : this.out;
		try {
			BatchScorer scorer = this.scorer.getObject().limitedTo(options.maxBytes());
			long size = (input != null) ? Files.size(input) : -1;
			BatchScorer.Progress progress = options.quiet() ? BatchScorer.Progress.NONE
					: new ConsoleProgress(this.err, size);
			Manifest manifest;
			try (InputStream source = (input != null) ? Files.newInputStream(input) : keptOpen(this.in)) {
				manifest = (output != null) ? scoreInto(scorer, source, options, output, progress)
						: scorer.score(source, options.inputName(), options.format(), this.out, progress);
			}
			this.out.flush();
			manifest = manifest.withOutput((output != null) ? output.toString() : "stdout");
			Path manifestFile = options.manifestFile();
			if (manifestFile != null) {
				writeAtomically(manifestFile, manifest.toJson());
			}
			if (!options.quiet()) {
				report.println(summary(manifest, manifestFile));
				report.flush();
			}
		}
		catch (UnreadableFileException ex) {
			fail(1, ex.getMessage());
		}
		catch (NoSuchFileException ex) {
			fail(1, "cannot read or write " + ex.getFile() + ": no such file or directory");
		}
		catch (IOException ex) {
			fail(1, "cannot score " + options.inputName() + ": " + ex);
		}
		catch (RuntimeException ex) {
			// A bug or an unforeseen failure: still one line, not Spring Boot's report with a stack trace.
			logger.debug("--score failed", ex);
			fail(1, "scoring failed: " + ex + " (run with --logging.level.org.heartdisease=debug for the stack trace)");
		}
	}

	private static Manifest scoreInto(BatchScorer scorer, InputStream source, ScoringOptions options, Path output,
			BatchScorer.Progress progress) throws IOException {
		Path partial = partial(output);
		try {
			Manifest manifest;
			try (OutputStream sink = Files.newOutputStream(partial)) {
				manifest = scorer.score(source, options.inputName(), options.format(), sink, progress);
			}
			Files.move(partial, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return manifest;
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	private static void writeAtomically(Path file, byte[] content) throws IOException {
		Path partial = partial(file);
		try {
			Files.write(partial, content);
			Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	// Beside the final name, so the rename stays within one file system and is atomic.
	private static Path partial(Path file) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		return Files.createTempFile(directory, "." + file.getFileName() + ".", ".part");
	}

	static String summary(Manifest manifest, Path manifestFile) {
		String rejected = (manifest.rowsRejected() == 0) ? "none rejected"
				: manifest.rowsRejected() + " rejected (" + manifest.rejectedBy()
					.entrySet()
					.stream()
					.map((kind) -> kind.getKey() + " " + kind.getValue())
					.collect(Collectors.joining(", ")) + ")";
		return String.format(Locale.ROOT, "Scored %s (%s): %d rows read, %d scored, %s, into %s in %d ms%s",
				manifest.input(), manifest.format(), manifest.rowsRead(), manifest.rowsScored(), rejected,
				manifest.output(), manifest.durationMillis(),
				(manifestFile != null) ? "; manifest " + manifestFile : "");
	}

	/**
	 * Rows and rows per second on stderr, with the share read when the size is known: at most every two
	 * seconds, one line each, so a log or a pipe reads it as well as a terminal.
	 */
	static final class ConsoleProgress implements BatchScorer.Progress {

		private static final long EVERY_NANOS = 2_000_000_000L;

		private final PrintStream err;

		private final long size;

		private final long started = System.nanoTime();

		private long last = this.started;

		ConsoleProgress(PrintStream err, long size) {
			this.err = err;
			this.size = size;
		}

		@Override
		public void update(long rows, long bytes) {
			long now = System.nanoTime();
			if (now - this.last < EVERY_NANOS) {
				return;
			}
			this.last = now;
			this.err.println(line(rows, bytes, now - this.started, this.size));
			this.err.flush();
		}

		static String line(long rows, long bytes, long elapsedNanos, long size) {
			double seconds = Math.max(elapsedNanos, 1) / 1e9;
			String share = (size > 0) ? String.format(Locale.ROOT, ", %.0f%%", 100.0 * bytes / size) : "";
			return String.format(Locale.ROOT, "scoring: %,d rows, %,.0f rows/s%s", rows, rows / seconds, share);
		}

	}

}
