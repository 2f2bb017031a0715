package io.flotilla.math;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The limits that keep every request fast, and the result cache. Overridable like any property,
 * e.g. {@code FLOTILLA_MATH_FACTORIAL_MAX=200000}.
 *
 * @param fibonacciMax largest n for F(n)
 * @param factorialMax largest n for n!
 * @param ackermannMaxDigits most decimal digits an Ackermann result may have
 * @param cacheMaxDigits how many result digits the cache keeps, in total
 */
@Validated
@ConfigurationProperties("flotilla.math")
record MathProperties(
    @DefaultValue("1000000") @Min(0) int fibonacciMax,
    @DefaultValue("100000") @Min(0) int factorialMax,
    @DefaultValue("100000") @Min(1) int ackermannMaxDigits,
    @DefaultValue("50000000") @Min(0) long cacheMaxDigits) {}
