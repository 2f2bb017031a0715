package io.flotilla.users;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.flotilla.platform.validation.Characters;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A username as typed at login or in a path: at most 30 characters, letters in any case (it is
 * compared lower-cased), digits and _. Anything else cannot be an account, so it is refused before
 * a throttle, a lookup or a log line sees it. Null is valid.
 */
@Characters(
    max = AccountRules.USERNAME_MAX,
    message = "must be at most {max} characters, got {length}")
@Pattern(
    regexp = AccountRules.ANY_CASE_USERNAME,
    message = "may contain only letters a-z, digits 0-9 and _")
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = {})
@interface LoginName {

  String message() default "must be a username";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
