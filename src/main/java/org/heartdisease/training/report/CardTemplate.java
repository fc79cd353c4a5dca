package org.heartdisease.training.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.PlaceholderResolutionException;
import org.springframework.util.PropertyPlaceholderHelper;

/**
 * A Markdown template of named passages, each with {@code ${name}} placeholders, filled in by
 * Spring's {@link PropertyPlaceholderHelper}. A passage starts after its marker line,
 * {@code <!-- name -->}, and ends before the next one, without its last line break and any blank
 * lines after it; text before the first marker is a note to the template's reader. A placeholder
 * with no value is an error, never left in the text.
 */
final class CardTemplate {

	private static final Pattern MARKER = Pattern.compile("^<!-- ([a-z][a-z0-9.-]*) -->$", Pattern.MULTILINE);

	/**
	 * No default values ({@code ${name:default}}); {@code \} before <code>${</code> keeps it literal; a
	 * placeholder with no value throws (ignoreUnresolvablePlaceholders false) rather than staying.
	 */
	private static final PropertyPlaceholderHelper PLACEHOLDERS = new PropertyPlaceholderHelper("${", "}", null, '\\',
			false);

	private final String name;

	private final Map<String, String> passages;

	private CardTemplate(String name, Map<String, String> passages) {
		this.name = name;
		this.passages = passages;
	}

	/**
	 * @param resource the template's path on the classpath
	 * @return the template
	 * @throws IllegalStateException if there is no such resource
	 */
	static CardTemplate load(String resource) {
		try (InputStream in = CardTemplate.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("the template " + resource + " is not on the classpath");
			}
			return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the template " + resource, ex);
		}
	}

	/**
	 * @param name what to call the template in errors
	 * @param text the template
	 * @return its passages
	 */
	static CardTemplate parse(String name, String text) {
		Map<String, String> passages = new LinkedHashMap<>();
		Matcher marker = MARKER.matcher(text);
		String passage = null;
		int start = 0;
		while (marker.find()) {
			if (passage != null) {
				passages.put(passage, text.substring(start, marker.start()).stripTrailing());
			}
			passage = marker.group(1);
			start = marker.end() + 1;
			if (passages.containsKey(passage)) {
				throw new IllegalStateException(name + " has two passages named " + passage);
			}
		}
		if (passage != null) {
			passages.put(passage, text.substring(Math.min(start, text.length())).stripTrailing());
		}
		return new CardTemplate(name, passages);
	}

	/** @return the passages' names, in the template's order */
	Set<String> names() {
		return Collections.unmodifiableSet(this.passages.keySet());
	}

	/**
	 * @param passage a passage's name
	 * @return its text, placeholders unfilled
	 * @throws IllegalStateException if the template has no such passage
	 */
	String passage(String passage) {
		String text = this.passages.get(passage);
		if (text == null) {
			throw new IllegalStateException(this.name + " has no passage named " + passage + "; it has "
					+ this.passages.keySet());
		}
		return text;
	}

	/**
	 * @param passage a passage's name
	 * @param values its placeholders' values
	 * @return the passage, filled in
	 * @throws IllegalStateException if a placeholder has no value
	 */
	String fill(String passage, Values values) {
		try {
			return PLACEHOLDERS.replacePlaceholders(passage(passage), values.values::get);
		}
		catch (PlaceholderResolutionException ex) {
			throw new IllegalStateException(this.name + ", passage " + passage + ": no value for the placeholder ${"
					+ ex.getPlaceholder() + "}", ex);
		}
	}

	/** The values of a template's placeholders: data, taken literally, and text of the template. */
	static final class Values {

		private final Map<String, String> values = new HashMap<>();

		/**
		 * @param name a placeholder
		 * @param value its value, as {@link String#valueOf(Object)} gives it and taken literally, even
		 * if it holds <code>${</code>
		 * @return these values
		 */
		Values set(String name, Object value) {
			this.values.put(name, String.valueOf(value).replace("${", "\\${"));
			return this;
		}

		/**
		 * @param name a placeholder
		 * @param text template text, such as a passage, whose own placeholders are filled in too
		 * @return these values
		 */
		Values text(String name, String text) {
			this.values.put(name, text);
			return this;
		}

	}

}
