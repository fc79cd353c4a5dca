package org.heartdisease.prediction;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Matches when the application serves predictions, that is unless {@code --train} was given:
 * training must not load the model it is about to replace.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "train", havingValue = "false", matchIfMissing = true)
public @interface ConditionalOnServing {

}
