package org.heartdisease.training.report;

import java.util.List;
import java.util.Locale;

import org.heartdisease.model.Field;
import org.heartdisease.model.TrainingDistribution;

import org.heartdisease.training.fit.Curves;

/**
 * Draws the model card's plots as SVG: the ROC curve and the calibration (reliability) diagram, both
 * on the unit square with its diagonal as the reference, and the training distribution of each field.
 */
final class ModelCardPlots {

	static final int WIDTH = 500;

	static final int HEIGHT = 500;

	/** The plot area: left, top, and the side of the square. */
	static final double LEFT = 80;

	static final double TOP = 50;

	static final double SIDE = 380;

	private static final String CURVE = "#1f5fa8";

	private ModelCardPlots() {
	}

	private static double x(double value) {
		return LEFT + value * SIDE;
	}

	private static double y(double value) {
		return TOP + (1 - value) * SIDE;
	}

	/**
	 * @param points the ROC curve, from (0, 0) to (1, 1)
	 * @param aucLabel the AUC line, for example {@code AUC 0.91 (pooled out-of-fold)}
	 * @param spreadLabel the cross-validation spread line
	 * @param caption what the predictions are
	 * @return the SVG document
	 */
	static String roc(List<Curves.RocPoint> points, String aucLabel, String spreadLabel, String caption) {
		SvgWriter svg = frame("ROC curve: " + aucLabel, "ROC curve", "False positive rate (1 − specificity)",
				"True positive rate (sensitivity)", caption);
		double[] coordinates = new double[2 * points.size()];
		for (int i = 0; i < points.size(); i++) {
			coordinates[2 * i] = x(points.get(i).falsePositiveRate());
			coordinates[2 * i + 1] = y(points.get(i).truePositiveRate());
		}
		svg.polyline("roc-curve", coordinates, "stroke=\"" + CURVE + "\" stroke-width=\"2\" stroke-linejoin=\"round\"");
		svg.text(x(0.97), y(0.14), "id=\"auc-label\" text-anchor=\"end\" font-weight=\"bold\"", aucLabel);
		svg.text(x(0.97), y(0.07), "id=\"spread-label\" text-anchor=\"end\"", spreadLabel);
		return svg.finish();
	}

	/**
	 * @param bins the non-empty calibration bins
	 * @param caption what the predictions are
	 * @return the SVG document
	 */
	static String calibration(List<Curves.Bin> bins, String caption) {
		SvgWriter svg = frame("Calibration: observed share of disease against predicted probability",
				"Calibration (reliability)", "Mean predicted probability of disease", "Observed share with disease",
				caption);
		int largest = bins.stream().mapToInt(Curves.Bin::rows).max().orElse(1);
		double[] coordinates = new double[2 * bins.size()];
		for (int i = 0; i < bins.size(); i++) {
			coordinates[2 * i] = x(bins.get(i).meanPredicted());
			coordinates[2 * i + 1] = y(bins.get(i).observed());
		}
		svg.polyline("calibration-curve", coordinates, "stroke=\"" + CURVE + "\" stroke-width=\"1.5\"");
		svg.open("bins", "fill=\"" + CURVE + "\" fill-opacity=\"0.75\" stroke=\"#ffffff\"");
		for (Curves.Bin bin : bins) {
			svg.circle(x(bin.meanPredicted()), y(bin.observed()), radius(bin, largest), "class=\"bin\"",
					String.format(Locale.ROOT, "%.1f–%.1f: %d rows, mean predicted %.3f, observed %.3f", bin.lower(),
							bin.upper(), bin.rows(), bin.meanPredicted(), bin.observed()));
		}
		svg.close();
		svg.open("bin-counts", "font-size=\"11\" fill=\"#333333\"");
		for (Curves.Bin bin : bins) {
			double offset = radius(bin, largest) * 0.71 + 2;
			svg.text(x(bin.meanPredicted()) + offset, y(bin.observed()) - offset, "class=\"count\"", "n=" + bin.rows());
		}
		svg.close();
		svg.text(x(0.97), y(0.07), "id=\"size-note\" text-anchor=\"end\" font-size=\"11\"",
				"10 equal-width bins; circle area ∝ rows; empty bins left out");
		return svg.finish();
	}

	/** @return the radius of a bin's circle: its area, not its radius, grows with the number of rows */
	private static double radius(Curves.Bin bin, int largest) {
		return 3 + 9 * Math.sqrt((double) bin.rows() / largest);
	}

	/** The background, grid, axes, ticks, labels and the dashed diagonal shared by both plots. */
	private static SvgWriter frame(String title, String heading, String xLabel, String yLabel, String caption) {
		SvgWriter svg = new SvgWriter(WIDTH, HEIGHT, title);
		svg.text(WIDTH / 2.0, 28, "id=\"heading\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\"", heading);
		svg.open("grid", "stroke=\"#e6e6e6\" stroke-width=\"1\"");
		for (int tick = 1; tick < 5; tick++) {
			double value = tick / 5.0;
			svg.line(x(value), y(0), x(value), y(1), "");
			svg.line(x(0), y(value), x(1), y(value), "");
		}
		svg.close();
		svg.line(x(0), y(0), x(1), y(1), "id=\"diagonal\" stroke=\"#888888\" stroke-width=\"1\" stroke-dasharray=\"6 4\"");
		svg.open("axes", "stroke=\"#000000\" stroke-width=\"1.5\"");
		svg.line(x(0), y(0), x(1), y(0), "id=\"x-axis\"");
		svg.line(x(0), y(0), x(0), y(1), "id=\"y-axis\"");
		for (int tick = 0; tick <= 5; tick++) {
			double value = tick / 5.0;
			svg.line(x(value), y(0), x(value), y(0) + 6, "class=\"tick\"");
			svg.line(x(0) - 6, y(value), x(0), y(value), "class=\"tick\"");
		}
		svg.close();
		svg.open("tick-labels", "font-size=\"12\" fill=\"#000000\"");
		for (int tick = 0; tick <= 5; tick++) {
			double value = tick / 5.0;
			String label = String.format(Locale.ROOT, "%.1f", value);
			svg.text(x(value), y(0) + 21, "text-anchor=\"middle\"", label);
			svg.text(x(0) - 10, y(value) + 4, "text-anchor=\"end\"", label);
		}
		svg.close();
		svg.text(x(0.5), y(0) + 44, "id=\"x-label\" text-anchor=\"middle\"", xLabel);
		double yLabelX = 28;
		svg.text(yLabelX, y(0.5), "id=\"y-label\" text-anchor=\"middle\" transform=\"rotate(-90 "
				+ SvgWriter.number(yLabelX) + " " + SvgWriter.number(y(0.5)) + ")\"", yLabel);
		svg.text(WIDTH / 2.0, HEIGHT - 8, "id=\"caption\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555555\"",
				caption);
		return svg;
	}

	/** The training distribution's small multiples: four panels a row. */
	static final int PANEL_WIDTH = 200;

	static final int PANEL_HEIGHT = 150;

	private static final int PANELS_PER_ROW = 4;

	/**
	 * One small bar chart per field of the rows the model was fitted on: a numeric field's decile bins
	 * (its range under the bars), a categorical field's codes (each under its bar), and its missing rows;
	 * every panel scaled to its own tallest bar.
	 * @param distribution the artifact's training distribution
	 * @return the SVG document
	 */
	static String distributions(TrainingDistribution distribution) {
		List<Field> fields = Field.all();
		int rows = (fields.size() + PANELS_PER_ROW - 1) / PANELS_PER_ROW;
		int width = PANELS_PER_ROW * PANEL_WIDTH;
		int height = 40 + rows * PANEL_HEIGHT;
		SvgWriter svg = new SvgWriter(width, height, "Training distribution of each field");
		svg.text(width / 2.0, 24, "id=\"heading\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\"",
				"Training distribution of each field (rows per bin)");
		for (int i = 0; i < fields.size(); i++) {
			Field field = fields.get(i);
			TrainingDistribution.FieldDistribution one = distribution.fields().get(field.jsonName());
			if (one == null) {
				continue;
			}
			double left = (i % PANELS_PER_ROW) * PANEL_WIDTH + 15;
			double top = 40 + (i / PANELS_PER_ROW) * PANEL_HEIGHT;
			panel(svg, field, one, left, top);
		}
		return svg.finish();
	}

	/** @return a field's value as the data writes it: 29, not 29.00; 2.3 */
	private static String value(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
	}

	private static void panel(SvgWriter svg, Field field, TrainingDistribution.FieldDistribution one, double left,
			double top) {
		boolean categorical = one.edges().isEmpty() && !one.categories().isEmpty();
		List<String> names = new java.util.ArrayList<>();
		List<Long> counts = new java.util.ArrayList<>();
		if (categorical) {
			one.categories().forEach((code, count) -> {
				names.add(code);
				counts.add(count);
			});
		}
		else {
			for (int bin = 0; bin < one.counts().size(); bin++) {
				names.add("");
				counts.add(one.counts().get(bin));
			}
		}
		double chartWidth = PANEL_WIDTH - 30;
		double chartHeight = PANEL_HEIGHT - 60;
		double bottom = top + 22 + chartHeight;
		long tallest = Math.max(1, counts.stream().mapToLong(Long::longValue).max().orElse(1));
		svg.open("field-" + field.jsonName(), "");
		svg.text(left, top + 14, "font-size=\"12\" font-weight=\"bold\"", field.jsonName());
		double step = chartWidth / Math.max(1, counts.size());
		for (int bar = 0; bar < counts.size(); bar++) {
			double barHeight = chartHeight * counts.get(bar) / tallest;
			svg.rect(left + bar * step + 1, bottom - barHeight, Math.max(1, step - 2), barHeight,
					"fill=\"" + CURVE + "\"", (categorical ? field.jsonName() + " = " + names.get(bar) : "bin " + bar)
							+ ": " + counts.get(bar) + " rows");
			if (categorical) {
				svg.text(left + bar * step + step / 2, bottom + 12, "text-anchor=\"middle\" font-size=\"10\"",
						names.get(bar));
			}
		}
		svg.line(left, bottom, left + chartWidth, bottom, "stroke=\"#000000\" stroke-width=\"1\"");
		if (!categorical && one.min() != null) {
			svg.text(left, bottom + 12, "font-size=\"10\"", value(one.min()));
			svg.text(left + chartWidth, bottom + 12, "text-anchor=\"end\" font-size=\"10\"", value(one.max()));
		}
		svg.text(left, bottom + 26, "font-size=\"10\" fill=\"#555555\"", "missing: " + one.missing());
		svg.close();
	}

}
