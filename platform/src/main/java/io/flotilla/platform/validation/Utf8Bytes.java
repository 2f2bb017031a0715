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
 * At most {@code max} bytes in UTF-8, for values a library cuts by bytes (BCrypt reads 72). The
 * message may use {@code {max}} and {@code {length}}, the bytes found. Null is valid.
 */
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Constraint(validatedBy = Utf8BytesValidator.class)
public @interface Utf8Bytes {

  int max();

  String message() default "must be at most {max} bytes in UTF-8, got {length}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
