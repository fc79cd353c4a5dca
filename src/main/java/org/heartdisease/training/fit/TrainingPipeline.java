package org.heartdisease.training.fit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import de.bwaldvogel.liblinear.Linear;

import org.springframework.boot.SpringBootVersion;

import org.heartdisease.model.Evaluation;
import org.heartdisease.model.HeartDiseaseModel;
import org.heartdisease.model.ModelArtifact;
import org.heartdisease.model.TrainingDistribution;

/**
 * One training run: read the data, evaluate the pipeline on held-out rows, refit it on all rows,
 * and describe the result as a complete artifact, with the distribution of the rows it was fitted on.
 */
public final class TrainingPipeline {

	private final LogisticRegressionTrainer trainer = new LogisticRegressionTrainer();

	private final Clock clock;

	/**
	 * @param clock gives {@code trainedAt}, the one part of the artifact that differs between runs
	 */
	public TrainingPipeline(Clock clock) {
		this.clock = clock;
	}

	/**
	 * @param options the run's settings
	 * @return the data read and the final model, its artifact complete
	 * @throws TrainingException if the data cannot be read or is unfit for training
	 */
	public TrainingResult run(TrainingSettings options) {
		return run(options, Progress.NONE);
	}

	/**
	 * @param options the run's settings
	 * @param progress hears of each finished cross-validation fold
	 * @return the data read, the final model, its artifact complete, and the out-of-fold predictions
	 * @throws TrainingException if the data cannot be read or is unfit for training
	 */
	public TrainingResult run(TrainingSettings options, Progress progress) {
		DatasetSource source = DatasetSource.load(options.dataset(), options.datasetSha256());
		Dataset data = DatasetReader.read(source, options.format(), options.label(), options.positive(),
				options.negative(), options.missing());
		data.warnings().forEach(progress::warning);
		Evaluator.Result evaluated = new Evaluator(this.trainer).evaluate(data, options.testSize(), options.folds(),
				options.seed(), progress);
		Evaluation evaluation = evaluated.evaluation();
		ModelArtifact fitted = this.trainer.fit(data.rows(), data.labels()).artifact();
		ModelArtifact artifact = new ModelArtifact(fitted.format(), fitted.schemaVersion(), options.tag(),
				Instant.now(this.clock).truncatedTo(ChronoUnit.SECONDS).toString(), fitted.labels(), fitted.threshold(),
				fitted.preprocessing(), fitted.columns(), fitted.coefficients(), fitted.intercept(), evaluation,
				provenance(data), trainerSettings(options, evaluation.crossValidation().folds()), libraries(),
				TrainingDistribution.of(data.rows(), TrainingDistribution.DEFAULT_NUMERIC_BINS));
		return new TrainingResult(data, new HeartDiseaseModel(artifact), evaluated.crossValidation());
	}

	private static ModelArtifact.Dataset provenance(Dataset data) {
		return new ModelArtifact.Dataset(DatasetSource.publishedName(data.source()), data.sha256(), data.format().id(), data.size(), data.label(),
				data.positiveValues(), data.positives(), data.negatives(), data.missing());
	}

	/** @param folds the folds made: as asked for k-fold, the number of rows for leave-one-out */
	private ModelArtifact.Trainer trainerSettings(TrainingSettings options, int folds) {
		return new ModelArtifact.Trainer(LogisticRegressionTrainer.SOLVER, this.trainer.c(), this.trainer.epsilon(),
				true, options.seed(), options.testSize(), folds);
	}

	/** @return the versions of the software that trains, all fixed for a given build and JVM */
	static Map<String, String> libraries() {
		Map<String, String> libraries = new LinkedHashMap<>();
		String liblinear = Linear.class.getPackage().getImplementationVersion();
		libraries.put("liblinear", (liblinear != null) ? liblinear
				: Linear.getVersion() / 100 + "." + Linear.getVersion() % 100);
		libraries.put("java", System.getProperty("java.vendor") + " " + Runtime.version());
		libraries.put("spring-boot", String.valueOf(SpringBootVersion.getVersion()));
		libraries.put("jackson-databind", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
		libraries.put("jackson-dataformat-csv", com.fasterxml.jackson.dataformat.csv.PackageVersion.VERSION.toString());
		return libraries;
	}

}
