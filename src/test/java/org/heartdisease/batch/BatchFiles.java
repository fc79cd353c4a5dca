package org.heartdisease.batch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.heartdisease.api.PayloadReader;
import org.heartdisease.api.RequestLimits;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.monitoring.AnswerMonitor;
import org.heartdisease.model.ModelArtifactJson;
import org.heartdisease.prediction.Predictor;

/**
 * Batch files the tests of every surface share, and a scorer over the committed model.
 */
public final class BatchFiles {

	/** Rows 1 and 2 of the Cleveland file (num 0: clear; num 2: disease) and a row with ca and thal missing. */
	public static final String UCI = """
			63.0,1.0,1.0,145.0,233.0,1.0,2.0,150.0,0.0,2.3,3.0,0.0,6.0,0
			67.0,1.0,4.0,160.0,286.0,0.0,2.0,108.0,1.0,1.5,2.0,3.0,3.0,2
			53.0,0.0,3.0,128.0,216.0,0.0,2.0,115.0,0.0,0.0,1.0,?,?,0
			""";

	/** Three patients with an id, the fields in another order than the UCI one. */
	public static final String CSV = """
			id,thal,ca,slope,oldpeak,exang,thalach,restecg,fbs,chol,trestbps,cp,sex,age
			p-1,6,0,3,2.3,0,150,2,1,233,145,1,1,63
			"p-2, ""quoted""\",3,3,2,1.5,1,108,2,0,286,160,4,1,67
			p-3,,,1,0,0,115,2,0,216,128,3,0,53
			""";

	/** A good row, then a row with three bad fields, a short row, and a good row. */
	public static final String BAD_ROWS_CSV = """
			id,age,sex,cp,trestbps,chol,fbs,restecg,thalach,exang,oldpeak,slope,ca,thal
			ok-1,63,1,1,145,233,1,2,150,0,2.3,3,0,6
			bad-2,abc,5,1,145,233,1,2,150,0,2.3,9,0,6
			short-3,63,1
			ok-4,67,1,4,160,286,0,2,108,1,1.5,2,3,3
			""";

	/** JSON Lines: a payload with an id, a blank line, an invalid payload, a cut-off object, an array. */
	public static final String JSONL = """
			{"id":"j-1","age":63,"sex":1,"cp":1,"trestbps":145,"chol":233,"fbs":1,"restecg":2,"thalach":150,"exang":0,"oldpeak":2.3,"slope":3,"ca":0,"thal":6}

			{"id":"j-2","age":"63","sex":1,"cp":1,"trestbps":145,"chol":233,"fbs":1,"restecg":2,"thalach":150,"exang":0,"oldpeak":2.3,"slope":3,"bmi":31}
			{"age":63,
			[1,2]
			{"age":53,"sex":0,"cp":3,"trestbps":128,"chol":216,"fbs":0,"restecg":2,"thalach":115,"exang":0,"oldpeak":0,"slope":1}
			""";

	/** Bytes that are not CSV: a PNG header. */
	public static final byte[] NOT_CSV = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
			'D', 'R' };

	private BatchFiles() {
	}

	/** @return a scorer over the committed model, as the application builds it */
	public static BatchScorer scorer(long maxBytes) {
		try (InputStream in = Files.newInputStream(Path.of("model/heart-disease.json"))) {
			HeartDiseaseModel model = ModelArtifactJson.read(in, "model/heart-disease.json");
			Predictor predictor = new Predictor(model);
			return new BatchScorer(predictor, new PayloadReader(predictor.validator(), new RequestLimits(262144, 1000), true),
					model, maxBytes, AnswerMonitor.off());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** @return the scorer's output for a text file */
	public static String score(BatchScorer scorer, String name, String content) throws IOException {
		return score(scorer, name, content.getBytes(StandardCharsets.UTF_8));
	}

	/** @return the scorer's output for a file */
	public static String score(BatchScorer scorer, String name, byte[] content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		scorer.score(new ByteArrayInputStream(content), name, null, out, BatchScorer.Progress.NONE);
		return out.toString(StandardCharsets.UTF_8);
	}

	/**
	 * @param rows how many rows
	 * @return a CSV of that many rows made of the three rows of {@link #CSV}, generated as it is read
	 */
	public static InputStream generatedCsv(long rows) {
		String[] lines = CSV.split("\n");
		return new InputStream() {

			private long row = -1;

			private byte[] current = (lines[0] + "\n").getBytes(StandardCharsets.UTF_8);

			private int at;

			@Override
			public int read() {
				if (at == current.length && !advance()) {
					return -1;
				}
				return current[at++] & 0xff;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				if (length == 0) {
					return 0;
				}
				if (at == current.length && !advance()) {
					return -1;
				}
				int n = Math.min(length, current.length - at);
				System.arraycopy(current, at, buffer, offset, n);
				at += n;
				return n;
			}

			private boolean advance() {
				if (++row >= rows) {
					return false;
				}
				current = (lines[1 + (int) (row % 3)] + "\n").getBytes(StandardCharsets.UTF_8);
				at = 0;
				return true;
			}

		};
	}

	/** An output that counts the lines written to it and keeps none of them. */
	public static final class LineCounter extends OutputStream {

		private long lines;

		/** @return the line breaks written so far */
		public long lines() {
			return this.lines;
		}

		@Override
		public void write(int b) {
			if (b == '\n') {
				this.lines++;
			}
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			for (int i = offset; i < offset + length; i++) {
				write(bytes[i]);
			}
		}

	}

}
