package org.heartdisease.training.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the committed model card's plots in headless Chromium and checks the screenshots are
 * drawings, not blank pages; skipped when Chromium is not installed.
 */
class ModelCardRenderTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	@ParameterizedTest
	@ValueSource(strings = { "model/heart-disease-roc.svg", "model/heart-disease-calibration.svg" })
	void shouldRenderAsAVisiblePlotInABrowser(String svg, @TempDir Path dir) throws Exception {
		BufferedImage image = screenshot(svg, dir, "800,600");
		int nonWhite = 0;
		int longestDarkColumn = 0;
		for (int x = 0; x < image.getWidth(); x++) {
			int run = 0;
			for (int y = 0; y < image.getHeight(); y++) {
				int brightness = brightness(image.getRGB(x, y));
				nonWhite += (brightness < 250) ? 1 : 0;
				run = (brightness < 80) ? run + 1 : 0;
				longestDarkColumn = Math.max(longestDarkColumn, run);
			}
		}
		// The plot covers a few thousand pixels at least; a blank or error page covers none or all.
		assertThat(nonWhite).isBetween(3_000, image.getWidth() * image.getHeight() / 2);
		// The y axis: a dark vertical line 380 pixels long.
		assertThat(longestDarkColumn).isGreaterThanOrEqualTo(300);
	}

	@org.junit.jupiter.api.Test
	void shouldRenderTheTrainingDistributionsAsBarsInABrowser(@TempDir Path dir) throws Exception {
		BufferedImage image = screenshot("model/heart-disease-distributions.svg", dir, "800,640");
		int bar = 0;
		int nonWhite = 0;
		for (int x = 0; x < image.getWidth(); x++) {
			for (int y = 0; y < image.getHeight(); y++) {
				int rgb = image.getRGB(x, y);
				nonWhite += (brightness(rgb) < 250) ? 1 : 0;
				// The bars' blue, #1f5fa8, give or take the renderer's blending.
				bar += (Math.abs(((rgb >> 16) & 0xff) - 0x1f) < 24 && Math.abs(((rgb >> 8) & 0xff) - 0x5f) < 24
						&& Math.abs((rgb & 0xff) - 0xa8) < 24) ? 1 : 0;
			}
		}
		// Thirteen panels of bars: tens of thousands of blue pixels, and far from a filled page.
		assertThat(bar).isGreaterThan(20_000);
		assertThat(nonWhite).isLessThan(image.getWidth() * image.getHeight() / 2);
	}

	/** @return Chromium's screenshot of the committed plot, at that window size */
	private static BufferedImage screenshot(String svg, Path dir, String windowSize) throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
				+ "; install it with: apt-get update && apt-get install -y chromium");
		Path plot = Path.of(svg).toAbsolutePath();
		assertThat(plot).exists();
		Path screenshot = dir.resolve("screenshot.png");
		Path profile = Files.createDirectory(dir.resolve("profile"));
		Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile, "--screenshot=" + screenshot, "--window-size=" + windowSize,
				plot.toUri().toString())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("chromium.log").toFile())
			.start();
		try {
			assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).as("Chromium finished within 60 s").isTrue();
		}
		finally {
			chromium.destroyForcibly();
		}
		assertThat(screenshot).as(log(dir)).isNotEmptyFile();
		return ImageIO.read(screenshot.toFile());
	}

	private static int brightness(int rgb) {
		return (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
	}

	private static String log(Path dir) throws IOException {
		try (Stream<String> lines = Files.lines(dir.resolve("chromium.log"))) {
			List<String> tail = lines.toList();
			return "Chromium's output: " + String.join("\n", tail.subList(Math.max(0, tail.size() - 20), tail.size()));
		}
	}

}
