package io.flotilla.math;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.CacheControl;
import org.springframework.validation.annotation.Validated;

/**
 * The limits that keep every request fast, and the result cache. Overridable like any property,
 * e.g. {@code FLOTILLA_MATH_FACTORIAL_MAX=200000}.
 *
 * @param fibonacciMax largest n for F(n)
 * @param factorialMax largest n for n!
 * @param ackermannMaxDigits most decimal digits an Ackermann result may have
 * @param cacheMaxDigits how many result digits the cache keeps, in total
 * @param inlineMaxDigits results of up to about this many digits are computed on the request's own
 *     thread (a factorial up to n = 450, F(n) up to n = 4,800: under 0.1 ms); bigger ones on the
 *     bounded pool for heavy work ({@code flotilla.work.*})
 * @param resultMaxAge how long a client or the gateway may reuse a result ({@code Cache-Control:
 *     public, max-age}): a result never changes, so only memory limits this; 0 for never
 */
@Validated
@ConfigurationProperties("flotilla.math")
record MathProperties(
    @DefaultValue("1000000") @Min(0) int fibonacciMax,
    @DefaultValue("100000") @Min(0) int factorialMax,
    @DefaultValue("100000") @Min(1) int ackermannMaxDigits,
    @DefaultValue("50000000") @Min(0) long cacheMaxDigits,
    @DefaultValue("1000") @Min(0) int inlineMaxDigits,
    @DefaultValue("1d") @NotNull Duration resultMaxAge) {

  /** The {@code Cache-Control} of every result. */
  CacheControl resultCaching() {
    return CacheControl.maxAge(resultMaxAge).cachePublic();
  }
}
