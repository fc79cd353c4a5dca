package org.heartdisease.monitoring.command;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;

import org.heartdisease.batch.BatchConfiguration;
import org.heartdisease.batch.BatchFormat;
import org.heartdisease.batch.BatchScorer;
import org.heartdisease.batch.UnreadableFileException;
import org.heartdisease.monitoring.Drift;
import org.heartdisease.monitoring.FieldBins;
import org.heartdisease.monitoring.ServedCounts;
import org.heartdisease.training.command.CommandRunner;

/**
 * Computes the drift of what was served when the application is started with {@code --drift}: a payload
 * file is scored by the {@link BatchScorer} (so its rows are read, checked and binned exactly as served
 * ones) into the process's {@link ServedCounts}; a metrics export's counters are summed. The population
 * stability index of each field is printed as a table, written as a JSON report and drawn as an SVG chart.
 */
@Component
@ConditionalOnProperty("drift")
@Import(BatchConfiguration.class)
public class DriftRunner extends CommandRunner {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private final ObjectProvider<BatchScorer> scorer;

	private final ObjectProvider<ServedCounts> counts;

	private final InputStream in;

	@Autowired
	DriftRunner(ObjectProvider<BatchScorer> scorer, ObjectProvider<ServedCounts> counts) {
		this(scorer, counts, System.in, System.out, System.err);
	}

	DriftRunner(ObjectProvider<BatchScorer> scorer, ObjectProvider<ServedCounts> counts, InputStream in, PrintStream out,
			PrintStream err) {
		super(out, err);
		this.scorer = scorer;
		this.counts = counts;
		this.in = in;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		DriftOptions options = options(arguments, DriftOptions::parse);
		if (options == null) {
			return;
		}
		ServedCounts counts = this.counts.getObject();
		FieldBins bins = counts.bins();
		if (bins == null) {
			fail(1, "the served model's artifact records no training distribution, so there is nothing to compare "
					+ "with; retrain it with --train, which writes one");
			return;
		}
		Drift.Thresholds thresholds = new Drift.Thresholds(options.moderate(), options.major());
		try {
			Map<String, Map<String, Long>> served = bins.byField(new long[bins.size()]);
			for (String input : options.inputs()) {
				add(input, options, counts, served);
			}
			Drift drift = bins.drift(served);
			BatchScorer scorer = this.scorer.getObject();
			this.out.print(table(drift, thresholds, scorer.model().name()));
			Map<String, Map<String, Long>> training = new LinkedHashMap<>();
			bins.distribution().fields().forEach((field, distribution) -> training.put(field, distribution.expected()));
			Path report = options.reportFile();
			if (report != null) {
				Files.write(report, JSON.writeValueAsBytes(
						DriftReport.of(scorer.model(), options.inputs(), drift, thresholds, served, training)));
				this.out.println("Report: " + report);
			}
			Path chart = options.chartFile();
			if (chart != null) {
				Files.writeString(chart, DriftChart.draw(drift, thresholds,
						"Drift of " + drift.answers() + " payloads against the training data"));
				this.out.println("Chart: " + chart);
			}
			this.out.flush();
		}
		catch (UnreadableFileException ex) {
			fail(1, ex.getMessage());
		}
		catch (NoSuchFileException ex) {
			fail(1, "cannot read or write " + ex.getFile() + ": no such file or directory");
		}
		catch (IOException ex) {
			fail(1, "cannot compute the drift: " + ex.getMessage());
		}
	}

	// A metrics export is told by its first line; anything else is a payload file, scored for its counts.
	private void add(String input, DriftOptions options, ServedCounts counts, Map<String, Map<String, Long>> served)
			throws IOException {
		String name = DriftOptions.STANDARD.equals(input) ? "stdin" : input;
		try (InputStream source = new BufferedInputStream(
				DriftOptions.STANDARD.equals(input) ? keptOpen(this.in) : Files.newInputStream(Path.of(input)), 64 * 1024)) {
			source.mark(64 * 1024);
			String first = new BufferedReader(new InputStreamReader(new BoundedPeek(source), StandardCharsets.UTF_8))
				.readLine();
			source.reset();
			if (first != null && MetricsExport.startsExport(first)) {
				BufferedReader reader = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8));
				if (MetricsExport.read(reader, name, served) == 0) {
					throw new IOException(name + " has no " + MetricsExport.FIELD_VALUES + " counters: is it an "
							+ "export of a server whose model has a training distribution?");
				}
				return;
			}
			long[] before = counts.snapshot().slots();
			BatchFormat format = (options.format() != null) ? BatchFormat.valueOf(options.format().toUpperCase(Locale.ROOT))
					: null;
			this.scorer.getObject().score(source, name, format, OutputStream.nullOutputStream(), BatchScorer.Progress.NONE);
			long[] after = counts.snapshot().slots();
			FieldBins bins = counts.bins();
			for (int slot = 0; slot < after.length; slot++) {
				served.get(bins.field(slot)).merge(bins.bin(slot), after[slot] - before[slot], Long::sum);
			}
		}
	}

	static String table(Drift drift, Drift.Thresholds thresholds, String model) {
		StringBuilder table = new StringBuilder();
		table.append(String.format(Locale.ROOT, "Drift of %d payloads against the training data of %s "
				+ "(bands: below %.2f stable, from %.2f moderate, from %.2f major)%n", drift.answers(), model,
				thresholds.moderate(), thresholds.moderate(), thresholds.major()));
		table.append(String.format(Locale.ROOT, "%-10s %10s  %s%n", "field", "PSI", "band"));
		drift.fields().forEach((field, psi) -> table.append(String.format(Locale.ROOT, "%-10s %10s  %s%n", field,
				DriftChart.label(psi), thresholds.band(psi).label())));
		table.append(String.format(Locale.ROOT, "%-10s %10s  %s (the largest field's)%n", "overall",
				DriftChart.label(drift.overall()), thresholds.band(drift.overall()).label()));
		return table.toString();
	}

	/** Reads at most the mark's reach, so that peeking at the first line never spoils the reset. */
	private static final class BoundedPeek extends FilterInputStream {

		private int left = 64 * 1024 - 1;

		BoundedPeek(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			return (this.left-- > 0) ? super.read() : -1;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.left <= 0) {
				return -1;
			}
			int read = super.read(buffer, offset, Math.min(length, this.left));
			if (read > 0) {
				this.left -= read;
			}
			return read;
		}

		@Override
		public void close() {
			// The peek must not close the stream it peeks at.
		}

	}

}
