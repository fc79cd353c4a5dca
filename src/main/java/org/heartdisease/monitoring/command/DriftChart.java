package org.heartdisease.monitoring.command;

import java.util.Locale;
import java.util.Map;

import org.heartdisease.monitoring.Drift;
import org.heartdisease.training.report.SvgWriter;

/**
 * The SVG chart of {@code --drift}: one horizontal bar per field, its length the field's index, coloured
 * by band, with the two thresholds drawn across.
 */
final class DriftChart {

	private static final int WIDTH = 640;

	private static final int ROW = 24;

	private static final int LEFT = 90;

	private static final int RIGHT = 110;

	private static final int TOP = 56;

	private DriftChart() {
	}

	static String draw(Drift drift, Drift.Thresholds thresholds, String title) {
		Map<String, Double> fields = drift.fields();
		int height = TOP + ROW * fields.size() + 40;
		double scaleMax = Math.max(thresholds.major() * 2,
				fields.values().stream().filter((psi) -> !psi.isNaN()).mapToDouble(Double::doubleValue).max().orElse(0));
		double plot = WIDTH - LEFT - RIGHT;
		SvgWriter svg = new SvgWriter(WIDTH, height, title);
		svg.text(WIDTH / 2.0, 24, "id=\"heading\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\"", title);
		int row = 0;
		for (Map.Entry<String, Double> field : fields.entrySet()) {
			double y = TOP + row * ROW;
			double psi = field.getValue();
			Drift.Band band = thresholds.band(psi);
			svg.text(LEFT - 8, y + 15, "text-anchor=\"end\"", field.getKey());
			double length = Double.isNaN(psi) ? 0 : plot * Math.min(psi, scaleMax) / scaleMax;
			svg.rect(LEFT, y + 3, Math.max(length, 1), ROW - 6, "class=\"" + band.label() + "\" fill=\"" + colour(band)
					+ "\"", field.getKey() + ": " + label(psi) + " (" + band.label() + ")");
			svg.text(LEFT + length + 6, y + 15, "", label(psi) + " " + band.label());
			row++;
		}
		double bottom = TOP + ROW * fields.size();
		for (double threshold : new double[] { thresholds.moderate(), thresholds.major() }) {
			double x = LEFT + plot * threshold / scaleMax;
			svg.line(x, TOP - 6, x, bottom, "stroke=\"#555555\" stroke-dasharray=\"4 3\"");
			svg.text(x, TOP - 10, "text-anchor=\"middle\" font-size=\"11\"", String.format(Locale.ROOT, "%.2f", threshold));
		}
		svg.line(LEFT, bottom, LEFT + plot, bottom, "stroke=\"#000000\"");
		svg.text(LEFT, bottom + 24, "font-size=\"11\"", "Population stability index per field against training; "
				+ "dashed: the moderate and major thresholds");
		return svg.finish();
	}

	static String label(double psi) {
		return Double.isNaN(psi) ? "n/a" : String.format(Locale.ROOT, "%.4f", psi);
	}

	// Colour-blind-safe hues, darker than white text needs: the band is also written beside each bar.
	private static String colour(Drift.Band band) {
		return switch (band) {
			case STABLE -> "#1b7837";
			case MODERATE -> "#b35806";
			case MAJOR -> "#b2182b";
			case UNKNOWN -> "#888888";
		};
	}

}
