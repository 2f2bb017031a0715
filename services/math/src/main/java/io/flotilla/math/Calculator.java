package io.flotilla.math;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.math.BigInteger;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks inputs against the configured limits, computes on a cache miss, and times every
 * computation. Results are kept as decimal strings: turning a 450,000-digit number into text costs
 * as much as computing it, so the cache saves both.
 */
@Component
class Calculator {

  private static final Logger log = LoggerFactory.getLogger(Calculator.class);

  /** Decimal digits with an optional sign, around which spaces are allowed (as Python's int()). */
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  /** log2(10): bits per decimal digit, for turning a digit limit into a bit budget. */
  private static final double BITS_PER_DIGIT = Math.log(10) / Math.log(2);

  private final MathProperties limits;
  private final AsyncCache<Computation, String> results;
  private final MeterRegistry registry;

  Calculator(MathProperties limits, MeterRegistry registry) {
    this.limits = limits;
    this.registry = registry;
    this.results =
        Caffeine.newBuilder()
            .maximumWeight(limits.cacheMaxDigits())
            .weigher((Computation key, String digits) -> digits.length())
            .recordStats()
            // Computing runs on a thread of its own, outside the cache's map lock: inside it, a
            // 0.3 s computation would pin its carrier thread on JDK 21-23 (virtual threads in
            // synchronized code) and block other keys of the same bin.
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .buildAsync();
    CaffeineCacheMetrics.monitor(registry, results, "math.results");
  }

  String factorial(String rawN) {
    int n = bounded("n", rawN, limits.factorialMax());
    return compute(new Computation("factorial", "n=" + n), () -> Algorithms.factorial(n));
  }

  String fibonacci(String rawN) {
    int n = bounded("n", rawN, limits.fibonacciMax());
    return compute(new Computation("fibonacci", "n=" + n), () -> Algorithms.fibonacci(n));
  }

  String ackermann(String rawM, String rawN) {
    String allowed =
        "a non-negative integer, with a result of at most "
            + limits.ackermannMaxDigits()
            + " digits";
    BigInteger m = nonNegative("m", rawM, allowed);
    BigInteger n = nonNegative("n", rawN, allowed);
    // A little over the digit limit in bits; the exact digit count is checked on the text.
    long maxBits = (long) Math.ceil(limits.ackermannMaxDigits() * BITS_PER_DIGIT) + 1;
    try {
      return compute(
          new Computation("ackermann", "m=" + m + " n=" + n),
          () -> Algorithms.ackermann(m, n, maxBits),
          limits.ackermannMaxDigits());
    } catch (Algorithms.ResultTooLargeException e) {
      String offending = m.compareTo(BigInteger.valueOf(5)) > 0 ? rawM.strip() : rawN.strip();
      throw InvalidInputException.resultTooLarge(
          rawM.strip(), rawN.strip(), limits.ackermannMaxDigits(), offending);
    }
  }

  private String compute(Computation computation, Supplier<BigInteger> algorithm) {
    return compute(computation, algorithm, Integer.MAX_VALUE);
  }

  /** A result over {@code maxDigits} is timed as too large and, being thrown, never cached. */
  private String compute(Computation computation, Supplier<BigInteger> algorithm, int maxDigits) {
    try {
      // Concurrent requests for the same result wait for the one computation.
      return results.get(computation, key -> timed(key, algorithm, maxDigits)).join();
    } catch (CompletionException e) {
      // A failed computation is not cached; its own exception is what the caller handles.
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private String timed(Computation computation, Supplier<BigInteger> algorithm, int maxDigits) {
    long start = System.nanoTime();
    String outcome = "success";
    try {
      String digits = algorithm.get().toString();
      if (digits.length() > maxDigits) {
        throw new Algorithms.ResultTooLargeException();
      }
      return digits;
    } catch (Algorithms.ResultTooLargeException e) {
      outcome = "too_large";
      throw e;
    } finally {
      long nanos = System.nanoTime() - start;
      Timer.builder("math.computation")
          .description("Time to compute a result (cache misses only) and turn it into digits")
          .tag("algo", computation.algo())
          .tag("outcome", outcome)
          .publishPercentileHistogram()
          .register(registry)
          .record(nanos, TimeUnit.NANOSECONDS);
      // One event per computation (cache misses only): "factorial n=20 took 0.01 ms".
      log.info(
          "{} {} took {} ms{}",
          computation.algo(),
          computation.arguments(),
          String.format(Locale.ROOT, "%.2f", nanos / 1_000_000.0),
          "success".equals(outcome) ? "" : ", result too large");
    }
  }

  private int bounded(String parameter, String raw, int max) {
    BigInteger value = nonNegative(parameter, raw, "an integer from 0 to " + max);
    if (value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw InvalidInputException.aboveLimit(parameter, max, raw.strip());
    }
    return value.intValueExact();
  }

  private static BigInteger nonNegative(String parameter, String raw, String allowed) {
    if (raw == null) {
      throw InvalidInputException.missing(parameter, allowed);
    }
    String text = raw.strip();
    if (!INTEGER.matcher(text).matches()) {
      throw InvalidInputException.notAnInteger(parameter, allowed, raw);
    }
    BigInteger value = new BigInteger(text);
    if (value.signum() < 0) {
      throw InvalidInputException.negative(parameter, allowed, text);
    }
    return value;
  }

  /** A cache key: which function, and its arguments in canonical form ("n=20", not "+020"). */
  record Computation(String algo, String arguments) {}
}
