package io.flotilla.users;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.flotilla.platform.validation.Characters;
import io.flotilla.platform.validation.Texts;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A first or last name: something visible, at most 100 characters, one line. Null is valid. */
@Pattern(regexp = Texts.VISIBLE, message = "must not be blank")
@Characters(max = AccountRules.NAME_MAX, message = "must be at most {max} characters, got {length}")
@Pattern(regexp = Texts.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = {})
@interface Name {

  String message() default "must be a name";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
