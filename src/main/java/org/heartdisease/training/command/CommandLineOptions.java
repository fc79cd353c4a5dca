package org.heartdisease.training.command;

import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Binds a command's {@code --name=value} arguments into its options record, the way Spring Boot
 * binds {@code @ConfigurationProperties}: through Boot's {@link Binder}, from the same
 * {@link SimpleCommandLinePropertySource} Boot makes of the arguments (and of nothing else, so an
 * environment variable such as {@code SEED} cannot change a training run), with the record's
 * {@link DefaultValue}s; the record's constructor checks each value with {@link #require}. Any failure
 * becomes one {@link OptionException} naming the option and what it accepts, never a stack trace.
 *
 * <p>The checks are a few lines of the records' own rather than Bean Validation constraints: a
 * validation provider would be the one Hibernate Validator (about 450 classes, and Jakarta EL) in a
 * jar whose main job is serving, which validates its payloads itself.
 *
 * <p>The same record gives {@link #usage}: names from its components, defaults from their
 * {@code @DefaultValue}, meanings from their {@link Option}; so {@code --help} cannot drift from what
 * is bound.
 */
public final class CommandLineOptions {

	private static final ApplicationConversionService CONVERSION = conversion();

	private CommandLineOptions() {
	}

	/** Boot's conversions, and a flag given without a value ({@code --force}) means true. */
	private static ApplicationConversionService conversion() {
		ApplicationConversionService conversion = new ApplicationConversionService();
		conversion.addConverter(String.class, Boolean.class, (value) -> {
			String flag = value.trim().toLowerCase(Locale.ROOT);
			if (flag.isEmpty() || flag.equals("true")) {
				return Boolean.TRUE;
			}
			if (flag.equals("false")) {
				return Boolean.FALSE;
			}
			throw new IllegalArgumentException("not true or false: " + value);
		});
		return conversion;
	}

	/**
	 * @param type the options record
	 * @param args the command line
	 * @param commands the options besides the record's that the command accepts, such as {@code train}
	 * @return the bound and validated options
	 * @throws OptionException naming the first bad option and what it accepts
	 */
	public static <T extends Record> T bind(Class<T> type, String[] args, String... commands) {
		SimpleCommandLinePropertySource commandLine = new SimpleCommandLinePropertySource(args);
		check(type, args, commandLine, commands);
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addFirst(commandLine);
		Binder binder = new Binder(ConfigurationPropertySources.get(environment), null, CONVERSION);
		try {
			return binder.bindOrCreate("", Bindable.of(type));
		}
		catch (BindException ex) {
			throw new OptionException(message(type, ex));
		}
	}

	/**
	 * One check of a bound value, for an options record's constructor.
	 * @param valid whether the value is acceptable
	 * @param option the option's name, without the leading dashes
	 * @param rule what the option accepts, completing "--option ..."
	 * @param value the value given, or {@code null} when none was
	 * @throws OptionException {@code --option rule; got value} unless valid
	 */
	public static void require(boolean valid, String option, String rule, Object value) {
		if (!valid) {
			throw new OptionException("--" + option + " " + rule + ((value != null) ? "; got " + value : ""));
		}
	}

	/** @return whether a value lies within [0, 1] */
	static boolean fraction(double value) {
		return value >= 0 && value <= 1;
	}

	/** Rejects what binding would silently ignore: stray words, unknown and repeated options. */
	private static void check(Class<? extends Record> type, String[] args, SimpleCommandLinePropertySource commandLine,
			String... commands) {
		List<String> words = Arrays.stream(args).filter((arg) -> !arg.startsWith("--")).toList();
		if (!words.isEmpty()) {
			throw new OptionException("unexpected argument(s) " + words + "; options are written --name=value");
		}
		Set<String> known = names(type, commands);
		List<String> unknown = Arrays.stream(commandLine.getPropertyNames())
			.filter((name) -> !known.contains(name) && !name.contains("."))
			.sorted()
			.toList();
		if (!unknown.isEmpty()) {
			throw new OptionException("unknown option(s) " + unknown.stream().map((name) -> "--" + name).toList()
					+ "; valid options: " + known.stream().map((name) -> "--" + name).toList());
		}
		for (String name : known) {
			long times = Arrays.stream(args).filter((arg) -> arg.equals("--" + name) || arg.startsWith("--" + name + "="))
				.count();
			if (times > 1) {
				throw new OptionException("--" + name + " is given " + times + " times; give it once");
			}
		}
	}

	/** @return the command's options and the record's, as written on the command line, in order */
	static Set<String> names(Class<? extends Record> type, String... commands) {
		Set<String> names = new LinkedHashSet<>(Arrays.asList(commands));
		for (RecordComponent component : type.getRecordComponents()) {
			names.add(name(component));
		}
		return names;
	}

	private static String name(RecordComponent component) {
		return DataObjectPropertyName.toDashedForm(component.getName());
	}

	private static String message(Class<? extends Record> type, BindException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof OptionException option) {
				return option.getMessage();
			}
		}
		String name = (ex.getProperty() != null) ? ex.getProperty().getName().toString() : ex.getName().toString();
		Object value = (ex.getProperty() != null) ? ex.getProperty().getValue() : null;
		RecordComponent component = Arrays.stream(type.getRecordComponents())
			.filter((candidate) -> name(candidate).equals(name))
			.findFirst()
			.orElse(null);
		return "--" + name + " must be " + ((component != null) ? expected(component) : "valid") + "; got " + value;
	}

	/** @return what a component accepts, in words, for an error message */
	private static String expected(RecordComponent component) {
		Class<?> type = component.getType();
		if (type.isEnum()) {
			return "one of " + String.join(", ", constants(type));
		}
		if (type == double.class || type == Double.class) {
			return "a number";
		}
		if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
			return "a whole number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false, or given without a value";
		}
		Option option = component.getAnnotation(Option.class);
		return (option != null && !option.value().isEmpty()) ? option.value() : "a valid value";
	}

	private static List<String> constants(Class<?> type) {
		return Arrays.stream(type.getEnumConstants())
			.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
			.toList();
	}

	/**
	 * @param type the options record
	 * @return one line per component: {@code --name=VALUE}, its meaning and its default
	 */
	public static String usage(Class<? extends Record> type) {
		StringBuilder usage = new StringBuilder();
		for (RecordComponent component : type.getRecordComponents()) {
			Option option = component.getAnnotation(Option.class);
			if (option == null) {
				continue;
			}
			line(usage, name(component) + placeholder(component, option), option.help() + defaultOf(component));
		}
		return usage.toString();
	}

	/**
	 * @param usage where the line goes
	 * @param option the option with its placeholder, without the leading dashes
	 * @param help its meaning
	 */
	public static void line(StringBuilder usage, String option, String help) {
		usage.append(String.format(Locale.ROOT, "  --%-30s %s%n", option, help));
	}

	private static String placeholder(RecordComponent component, Option option) {
		Class<?> type = component.getType();
		if (type == boolean.class || type == Boolean.class) {
			return "";
		}
		if (type.isEnum()) {
			return "=" + String.join("|", constants(type));
		}
		return "=" + option.value();
	}

	private static String defaultOf(RecordComponent component) {
		// @DefaultValue targets parameters: from a record component it lands on the canonical constructor's.
		DefaultValue value = canonicalParameter(component).getAnnotation(DefaultValue.class);
		if (value == null || value.value().length == 0 || Collection.class.isAssignableFrom(component.getType())) {
			return "";
		}
		String text = String.join(",", value.value());
		return " (default " + (text.isEmpty() ? "empty" : text) + ")";
	}

	private static Parameter canonicalParameter(RecordComponent component) {
		RecordComponent[] components = component.getDeclaringRecord().getRecordComponents();
		Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
		try {
			Constructor<?> canonical = component.getDeclaringRecord().getDeclaredConstructor(types);
			int index = 0;
			while (!components[index].getName().equals(component.getName())) {
				index++;
			}
			return canonical.getParameters()[index];
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("a record has its canonical constructor", ex);
		}
	}

	/**
	 * @return how a usage line names the jar: the one this runs from, relative to the working directory
	 * where it lies below it, or else where the build puts it: {@code target/local/heart-disease-function-<version>.jar}
	 */
	public static String jar() {
		Path running = TrainingRunner.runningJar();
		if (running != null) {
			return running.toString();
		}
		String version = CommandLineOptions.class.getPackage().getImplementationVersion();
		return "target/local/heart-disease-function-" + ((version != null) ? version : "<version>") + ".jar";
	}

	/** @return the values of a list option, trimmed, rejecting empty ones */
	static List<String> values(String option, List<String> values, String what) {
		List<String> trimmed = new ArrayList<>();
		for (String value : values) {
			if (value.isBlank()) {
				throw new OptionException("--" + option + " needs one or more comma-separated " + what + ", not '"
						+ String.join(",", values) + "'");
			}
			trimmed.add(value.trim());
		}
		return List.copyOf(trimmed);
	}

}
