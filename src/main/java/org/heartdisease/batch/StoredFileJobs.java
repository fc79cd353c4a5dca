package org.heartdisease.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.heartdisease.batch.FileStore.StoredObject;

/**
 * Scores files where they land in a cloud store: one object on an upload event, or every object under
 * the input prefix that has no manifest yet on a schedule's sweep, both through {@link #score}. The
 * output goes to the output prefix ({@code incoming/a/b.csv} to {@code scored/a/b.csv}) with its
 * manifest beside it ({@code scored/a/b.csv.manifest.json}), each written whole or not at all.
 *
 * <p>The guard against a function triggering itself: a key outside the input prefix, under the output
 * prefix, a manifest, or an object whose metadata says the scorer wrote it is ignored and logged, never
 * scored. The trigger's own prefix filter is the first line of defence; this is the second, for a
 * filter that is misconfigured or an output bucket that is the input's.
 */
public final class StoredFileJobs {

	private static final Log logger = LogFactory.getLog(StoredFileJobs.class);

	private static final String MANIFEST_SUFFIX = ".manifest.json";

	private final BatchScorer scorer;

	private final FileStore store;

	private final BatchProperties properties;

	public StoredFileJobs(BatchScorer scorer, FileStore store, BatchProperties properties) {
		this.scorer = scorer;
		this.store = store;
		this.properties = properties;
	}

	/**
	 * What became of one object.
	 * @param bucket its bucket
	 * @param key its key
	 * @param status {@code scored}, {@code failed} (unreadable: a manifest says why) or {@code ignored}
	 * @param reason why it was ignored, or the failure; {@code null} when scored
	 * @param manifest the run's manifest, {@code null} when ignored
	 */
	public record Outcome(String bucket, String key, String status, String reason, Manifest manifest) {

		static Outcome ignored(String bucket, String key, String reason) {
			return new Outcome(bucket, key, "ignored", reason, null);
		}

	}

	/**
	 * Scores one object, unless the guard ignores it. Scoring it again gives the same output bytes, so a
	 * redelivered event is harmless.
	 * @throws IOException when the store fails (the platform retries the event)
	 */
	public Outcome score(String bucket, String key) throws IOException {
		String refusal = refusal(key);
		StoredObject object = (refusal == null) ? this.store.describe(bucket, key) : null;
		if (refusal == null && object == null) {
			refusal = "no such object (deleted since the event)";
		}
		if (refusal == null && object.metadata().containsKey(FileStore.SCORED_BY)) {
			refusal = "written by the scorer (metadata " + FileStore.SCORED_BY + ")";
		}
		if (refusal != null) {
			logger.info("Ignored " + bucket + "/" + key + ": " + refusal);
			return Outcome.ignored(bucket, key, refusal);
		}
		String outputBucket = outputBucket(bucket);
		String outputKey = outputKey(key);
		Map<String, String> metadata = Map.of(FileStore.SCORED_BY, this.scorer.model().name());
		long started = System.nanoTime();
		Manifest manifest;
		try {
			BatchFormat format = BatchFormat.byName(key);
			manifest = this.store.write(outputBucket, outputKey,
					(format != null) ? format.mediaType() : BatchFormat.CSV.mediaType(), metadata,
					(out) -> this.scorer.score(this.store.open(bucket, key), key, null, out, BatchScorer.Progress.NONE))
				.withOutput(outputKey);
		}
		catch (UnreadableFileException ex) {
			// A file that cannot be scored gets a manifest saying why, and no output: the sweep then
			// leaves it alone instead of failing on it every night.
			manifest = Manifest.failed(key, ex, this.scorer.model(), (System.nanoTime() - started) / 1_000_000);
			logger.warn("Not scored: " + manifest);
		}
		Manifest written = manifest.withInputEtag(object.etag());
		this.store.write(outputBucket, manifestKey(key), "application/json", metadata, (out) -> {
			out.write(written.toJson());
			return null;
		});
		return new Outcome(bucket, key, written.scored() ? "scored" : "failed", written.error(), written);
	}

	/**
	 * Scores every object under the input prefix that has no manifest yet, through {@link #score}.
	 * @throws IOException when the store fails
	 */
	public List<Outcome> sweep(String bucket) throws IOException {
		List<Outcome> outcomes = new ArrayList<>();
		String outputBucket = outputBucket(bucket);
		for (String key : this.store.list(bucket, this.properties.inputPrefix())) {
			if (refusal(key) == null && this.store.describe(outputBucket, manifestKey(key)) == null) {
				outcomes.add(score(bucket, key));
			}
		}
		logger.info("Swept " + bucket + "/" + this.properties.inputPrefix() + ": " + outcomes.size()
				+ " object(s) without a manifest");
		return outcomes;
	}

	/** @return why the key is never scored, or {@code null} when it may be */
	private String refusal(String key) {
		if (key.startsWith(this.properties.outputPrefix())) {
			return "under the output prefix " + this.properties.outputPrefix();
		}
		if (!key.startsWith(this.properties.inputPrefix())) {
			return "not under the input prefix " + this.properties.inputPrefix();
		}
		if (key.endsWith(MANIFEST_SUFFIX)) {
			return "a manifest";
		}
		if (key.endsWith("/")) {
			return "a folder marker";
		}
		return null;
	}

	private String outputBucket(String bucket) {
		return this.properties.outputBucket().isEmpty() ? bucket : this.properties.outputBucket();
	}

	/** @return {@code scored/a/b.csv} for {@code incoming/a/b.csv} */
	String outputKey(String key) {
		return this.properties.outputPrefix() + key.substring(this.properties.inputPrefix().length());
	}

	/** @return where the manifest of the object goes, beside its output */
	String manifestKey(String key) {
		return outputKey(key) + MANIFEST_SUFFIX;
	}

}
