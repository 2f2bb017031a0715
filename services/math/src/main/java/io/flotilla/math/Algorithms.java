package io.flotilla.math;

import java.math.BigInteger;

/**
 * Exact factorial, Fibonacci and Ackermann numbers. Pure functions: no Spring, no limits of their
 * own beyond the bit budget Ackermann needs to know when to stop.
 *
 * <p>Single-threaded on purpose, not {@code BigInteger.parallelMultiply}: the heavy-work pool they
 * run on is the CPU a computation may take, and the common fork-join pool would add to it.
 */
final class Algorithms {

  private static final BigInteger TWO = BigInteger.TWO;
  private static final BigInteger THREE = BigInteger.valueOf(3);
  private static final BigInteger FIVE = BigInteger.valueOf(5);

  private Algorithms() {}

  /**
   * n! by splitting the product 1..n in halves, so that the big multiplications happen between
   * numbers of similar size (where Karatsuba and Toom-Cook help) instead of one huge number times a
   * small one n times. The recursion depth is log2(n).
   */
  static BigInteger factorial(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    return n < 2 ? BigInteger.ONE : product(2, n);
  }

  private static BigInteger product(int from, int to) {
    if (to - from < 16) {
      BigInteger result = BigInteger.valueOf(from);
      for (int i = from + 1; i <= to; i++) {
        result = result.multiply(BigInteger.valueOf(i));
      }
      return result;
    }
    int middle = (from + to) >>> 1;
    return product(from, middle).multiply(product(middle + 1, to));
  }

  /**
   * F(n) with F(0) = 0 and F(1) = 1, by fast doubling: walking the bits of n from the top, F(2k) =
   * F(k)(2F(k+1) - F(k)) and F(2k+1) = F(k)^2 + F(k+1)^2. About log2(n) steps.
   */
  static BigInteger fibonacci(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    BigInteger a = BigInteger.ZERO; // F(k)
    BigInteger b = BigInteger.ONE; // F(k+1)
    for (int bit = 31 - Integer.numberOfLeadingZeros(n); bit >= 0; bit--) {
      BigInteger even = a.multiply(b.shiftLeft(1).subtract(a)); // F(2k)
      BigInteger odd = a.multiply(a).add(b.multiply(b)); // F(2k+1)
      if (((n >>> bit) & 1) == 0) {
        a = even;
        b = odd;
      } else {
        a = odd;
        b = even.add(odd);
      }
    }
    return a;
  }

  /**
   * The two-argument Ackermann function A(m, n) by its closed forms: n+1, n+2, 2n+3 and 2^(n+3)-3
   * for m = 0..3, and for m >= 4 by A(m, n) = A(m-1, ·) applied n+1 times to 1, which leaves the
   * bit budget after a handful of steps. Never recursive beyond m levels (m <= 5).
   *
   * @throws ResultTooLargeException when the result would have more than {@code maxBits} bits
   */
  static BigInteger ackermann(BigInteger m, BigInteger n, long maxBits) {
    if (m.signum() < 0 || n.signum() < 0) {
      throw new IllegalArgumentException("m and n must not be negative: " + m + ", " + n);
    }
    if (m.compareTo(FIVE) > 0) {
      // A(6, 0) = A(5, 1) = A(4, 65533): a tower of 65536 twos, beyond any bit budget.
      throw new ResultTooLargeException();
    }
    BigInteger result =
        switch (m.intValue()) {
          case 0 -> n.add(BigInteger.ONE);
          case 1 -> n.add(TWO);
          case 2 -> n.shiftLeft(1).add(THREE);
          case 3 -> powerOfTwoMinusThree(n.add(THREE), maxBits);
          default -> iterate(m.intValue() - 1, n, maxBits);
        };
    if (result.bitLength() > maxBits) {
      throw new ResultTooLargeException();
    }
    return result;
  }

  private static BigInteger iterate(int lowerM, BigInteger times, long maxBits) {
    BigInteger lower = BigInteger.valueOf(lowerM);
    BigInteger value = BigInteger.ONE;
    // n+1 applications; each one grows the value so fast that the budget ends the loop early.
    for (BigInteger i = BigInteger.ZERO; i.compareTo(times) <= 0; i = i.add(BigInteger.ONE)) {
      value = ackermann(lower, value, maxBits);
    }
    return value;
  }

  private static BigInteger powerOfTwoMinusThree(BigInteger exponent, long maxBits) {
    if (exponent.compareTo(BigInteger.valueOf(maxBits)) > 0) {
      throw new ResultTooLargeException();
    }
    return BigInteger.ONE.shiftLeft(exponent.intValueExact()).subtract(THREE);
  }

  /** The result would exceed the bit budget it was computed under. */
  static final class ResultTooLargeException extends RuntimeException {
    ResultTooLargeException() {
      super(null, null, false, false);
    }
  }
}
