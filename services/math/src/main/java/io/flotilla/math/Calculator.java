package io.flotilla.math;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flotilla.platform.work.HeavyWork;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.math.BigInteger;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
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

  private static final double LOG10_2 = Math.log10(2);
  private static final BigInteger THREE = BigInteger.valueOf(3);

  /** log10 of the golden ratio: F(n) has about n times this many digits. */
  private static final double DIGITS_PER_FIBONACCI_STEP = Math.log10((1 + Math.sqrt(5)) / 2);

  private final MathProperties limits;
  private final AsyncCache<Computation, String> results;
  private final HeavyWork heavyWork;
  private final MeterRegistry registry;

  Calculator(MathProperties limits, HeavyWork heavyWork, MeterRegistry registry) {
    this.limits = limits;
    this.heavyWork = heavyWork;
    this.registry = registry;
    this.results =
        Caffeine.newBuilder()
            .maximumWeight(limits.cacheMaxDigits())
            .weigher((Computation key, String digits) -> digits.length())
            .recordStats()
            .buildAsync();
    CaffeineCacheMetrics.monitor(registry, results, "math.results");
  }

  String factorial(String rawN) {
    int n = bounded("n", rawN, limits.factorialMax());
    // log10(n!) by Stirling: n log10(n/e), close enough to tell small from big.
    double digits = n < 2 ? 1 : n * Math.log10(n / Math.E);
    return compute(
        new Computation("factorial", "n=" + n),
        () -> Algorithms.factorial(n),
        Integer.MAX_VALUE,
        digits);
  }

  String fibonacci(String rawN) {
    int n = bounded("n", rawN, limits.fibonacciMax());
    return compute(
        new Computation("fibonacci", "n=" + n),
        () -> Algorithms.fibonacci(n),
        Integer.MAX_VALUE,
        n * DIGITS_PER_FIBONACCI_STEP);
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
          limits.ackermannMaxDigits(),
          ackermannDigits(m, n));
    } catch (Algorithms.ResultTooLargeException e) {
      String offending = m.compareTo(BigInteger.valueOf(5)) > 0 ? rawM.strip() : rawN.strip();
      throw InvalidInputException.resultTooLarge(
          rawM.strip(), rawN.strip(), limits.ackermannMaxDigits(), offending);
    }
  }

  /**
   * About how many digits A(m, n) has: m <= 2 add to n or double it, m = 3 is 2^(n+3) - 3, and m >=
   * 4 is small for n <= 1 (A(4, 1) = 65533) and at least 19,729 digits beyond.
   */
  private static double ackermannDigits(BigInteger m, BigInteger n) {
    if (m.compareTo(THREE) < 0) {
      return n.bitLength() * LOG10_2 + 1;
    }
    if (m.equals(THREE)) {
      return n.bitLength() > 31 ? Double.MAX_VALUE : (n.doubleValue() + 3) * LOG10_2;
    }
    return n.compareTo(BigInteger.ONE) <= 0 ? 5 : Double.MAX_VALUE;
  }

  /**
   * The result from the cache, or computed: a result of more than {@code inline-max-digits}
   * (estimated) on the platform's bounded pool for heavy work, which answers 503 or 429 when it is
   * full; a smaller one on the request's own thread, since it costs less than handing it over. A
   * result over {@code maxDigits} is timed as too large and, being thrown, never cached.
   */
  private String compute(
      Computation computation,
      Supplier<BigInteger> algorithm,
      int maxDigits,
      double estimatedDigits) {
    // Concurrent requests for the same result wait for the one computation; one that waits too
    // long is answered 503, and its retry finds the result cached. The function runs under the
    // cache's map lock: it only starts the work on the pool, or computes a small one. A failed
    // computation is not cached; its own exception is what the caller handles.
    return heavyWork.await(
        results.get(
            computation,
            (key, executor) ->
                estimatedDigits > limits.inlineMaxDigits()
                    ? heavyWork.submit(() -> timed(key, algorithm, maxDigits))
                    : CompletableFuture.completedFuture(timed(key, algorithm, maxDigits))));
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
