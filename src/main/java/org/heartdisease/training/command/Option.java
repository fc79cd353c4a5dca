package org.heartdisease.training.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What {@code --help} says about one component of an options record: the component's name (in
 * kebab case, {@code testSize} is {@code --test-size}) and its {@code @DefaultValue} come from the
 * record itself, so this holds only the placeholder of the value and the meaning.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Option {

	/**
	 * @return the value's placeholder, such as {@code PATH}; empty for a flag (a {@code boolean}
	 * component) and for an enum, whose constants are listed instead
	 */
	String value() default "";

	/** @return what the option means, one sentence without the default */
	String help();

}
