package io.flotilla.tweets;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** The ranges of the {@code page} and {@code size} parameters of the lists of tweets. */
final class Paging {

  private Paging() {}

  /** How deep pages reach: offsets grow with the page number, so its range is bounded. */
  static final int MAX_PAGE = 10_000;

  static final int MAX_SIZE = 100;

  private static final String PAGE_RANGE =
      "must be an integer from 0 to " + MAX_PAGE + ", got ${validatedValue}";
  private static final String SIZE_RANGE =
      "must be an integer from 1 to " + MAX_SIZE + ", got ${validatedValue}";

  /** A page number, from 0. */
  @Min(value = 0, message = PAGE_RANGE)
  @Max(value = MAX_PAGE, message = PAGE_RANGE)
  @Target(PARAMETER)
  @Retention(RUNTIME)
  @Constraint(validatedBy = {})
  @interface Page {

    String message() default PAGE_RANGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /** Tweets per page. */
  @Min(value = 1, message = SIZE_RANGE)
  @Max(value = MAX_SIZE, message = SIZE_RANGE)
  @Target(PARAMETER)
  @Retention(RUNTIME)
  @Constraint(validatedBy = {})
  @interface Size {

    String message() default SIZE_RANGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }
}
