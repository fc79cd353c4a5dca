package org.heartdisease.training.report;

import java.util.Locale;

/**
 * Writes a small, plain SVG 1.1 document: a white background, lines, polylines, circles and text,
 * every number with fixed decimals in {@link Locale#ROOT}, so the same figure always gives the same
 * bytes. A plotting library is not worth a dependency for two line charts; this is all they need,
 * and the output has no scripts, fonts or external resources, so it renders in any browser and on
 * GitHub.
 */
public final class SvgWriter {

	private final StringBuilder svg = new StringBuilder();

	/**
	 * @param width the width in user units, also the viewBox's
	 * @param height the height in user units, also the viewBox's
	 * @param title the document's title, read by screen readers and shown as a tooltip
	 */
	public SvgWriter(int width, int height, String title) {
		this.svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width)
			.append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
			.append("\" font-family=\"sans-serif\" font-size=\"13\">\n")
			.append("<title>").append(escape(title)).append("</title>\n")
			.append("<rect id=\"background\" x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"")
			.append(height).append("\" fill=\"#ffffff\"/>\n");
	}

	/** @return a coordinate or size with two decimals, the same on every machine */
	static String number(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/** Opens a group; {@code attributes} is written as given (already escaped). */
	public SvgWriter open(String id, String attributes) {
		this.svg.append("<g id=\"").append(id).append('"').append(attributes.isEmpty() ? "" : " " + attributes)
			.append(">\n");
		return this;
	}

	public SvgWriter close() {
		this.svg.append("</g>\n");
		return this;
	}

	public SvgWriter line(double x1, double y1, double x2, double y2, String attributes) {
		this.svg.append("<line x1=\"").append(number(x1)).append("\" y1=\"").append(number(y1)).append("\" x2=\"")
			.append(number(x2)).append("\" y2=\"").append(number(y2)).append('"')
			.append(attributes.isEmpty() ? "" : " " + attributes).append("/>\n");
		return this;
	}

	/** @param points x and y coordinates, alternately */
	public SvgWriter polyline(String id, double[] points, String attributes) {
		this.svg.append("<polyline id=\"").append(id).append("\" points=\"");
		for (int i = 0; i < points.length; i += 2) {
			this.svg.append((i == 0) ? "" : " ").append(number(points[i])).append(',').append(number(points[i + 1]));
		}
		this.svg.append("\" fill=\"none\" ").append(attributes).append("/>\n");
		return this;
	}

	public SvgWriter circle(double cx, double cy, double r, String attributes, String tooltip) {
		this.svg.append("<circle cx=\"").append(number(cx)).append("\" cy=\"").append(number(cy)).append("\" r=\"")
			.append(number(r)).append("\" ").append(attributes).append("><title>").append(escape(tooltip))
			.append("</title></circle>\n");
		return this;
	}

	/** Writes text; {@code attributes} is written as given (already escaped), the text is escaped. */
	public SvgWriter rect(double x, double y, double width, double height, String attributes, String tooltip) {
		this.svg.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" width=\"")
			.append(number(width)).append("\" height=\"").append(number(height)).append("\" ").append(attributes)
			.append("><title>").append(escape(tooltip)).append("</title></rect>\n");
		return this;
	}

	public SvgWriter text(double x, double y, String attributes, String text) {
		this.svg.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y)).append('"')
			.append(attributes.isEmpty() ? "" : " " + attributes).append('>').append(escape(text)).append("</text>\n");
		return this;
	}

	/** @return the finished document */
	public String finish() {
		return this.svg + "</svg>\n";
	}

}
