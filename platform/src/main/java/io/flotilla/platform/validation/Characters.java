package io.flotilla.platform.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A text's length in characters as a person counts them (Unicode code points, so an emoji is one),
 * unlike {@code @Size}, which counts UTF-16 units. The message may use {@code {min}}, {@code {max}}
 * and {@code {length}}, the length found. Null is valid (say {@code @NotNull} where it is not).
 */
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Constraint(validatedBy = CharactersValidator.class)
public @interface Characters {

  int min() default 0;

  int max();

  String message() default "must be {min} to {max} characters, got {length}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
