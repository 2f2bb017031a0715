package io.flotilla.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.math.Algorithms.ResultTooLargeException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlgorithmsTest {

  /** The service's default budget: ceil(100000 * log2(10)) + 1 bits for 100,000 digits. */
  private static final long DEFAULT_BITS = 332_194;

  private static BigInteger ackermann(long m, long n) {
    return Algorithms.ackermann(BigInteger.valueOf(m), BigInteger.valueOf(n), DEFAULT_BITS);
  }

  // Fibonacci

  @Test
  void fibonacciStartsZeroOneOne() {
    List<BigInteger> first = new ArrayList<>();
    for (int n = 0; n <= 7; n++) {
      first.add(Algorithms.fibonacci(n));
    }
    assertThat(first)
        .containsExactly(big(0), big(1), big(1), big(2), big(3), big(5), big(8), big(13));
  }

  @Test
  void fibonacciMatchesTheSeedFixtures() {
    assertThat(Algorithms.fibonacci(100)).isEqualTo(new BigInteger("354224848179261915075"));
    assertThat(Algorithms.fibonacci(399))
        .isEqualTo(
            new BigInteger(
                "108788617463475645289761992289049744844995705477812699099751202749393926359816304226"));
  }

  @Test
  void fibonacciAgreesWithTheNaiveLoopUpTo300() {
    BigInteger previous = BigInteger.ZERO;
    BigInteger current = BigInteger.ONE;
    for (int n = 0; n <= 300; n++) {
      assertThat(Algorithms.fibonacci(n)).as("F(%d)", n).isEqualTo(previous);
      BigInteger next = previous.add(current);
      previous = current;
      current = next;
    }
  }

  @Test
  void fibonacciOfLargeNSatisfiesCassinisIdentity() {
    // F(n-1) F(n+1) - F(n)^2 = (-1)^n, at sizes where the multiplications run in parallel.
    for (int n : new int[] {200_000, 200_001}) {
      BigInteger cassini =
          Algorithms.fibonacci(n - 1)
              .multiply(Algorithms.fibonacci(n + 1))
              .subtract(Algorithms.fibonacci(n).pow(2));
      assertThat(cassini).as("n = %d", n).isEqualTo(n % 2 == 0 ? big(1) : big(-1));
    }
  }

  @Test
  void fibonacciOfAMillionHas208988Digits() {
    assertThat(Algorithms.fibonacci(1_000_000).toString().length()).isEqualTo(208_988);
  }

  @Test
  void fibonacciOfNegativeIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> Algorithms.fibonacci(-1));
  }

  // Factorial

  @Test
  void factorialStartsOneOneTwo() {
    List<BigInteger> first = new ArrayList<>();
    for (int n = 0; n <= 7; n++) {
      first.add(Algorithms.factorial(n));
    }
    assertThat(first)
        .containsExactly(big(1), big(1), big(2), big(6), big(24), big(120), big(720), big(5040));
  }

  @Test
  void factorialAgreesWithTheNaiveLoopUpTo300() {
    BigInteger expected = BigInteger.ONE;
    for (int n = 0; n <= 300; n++) {
      if (n > 0) {
        expected = expected.multiply(big(n));
      }
      assertThat(Algorithms.factorial(n)).as("%d!", n).isEqualTo(expected);
    }
  }

  @Test
  void factorialOf400Has869Digits() {
    assertThat(Algorithms.factorial(400).toString().length()).isEqualTo(869);
  }

  @Test
  void factorialOf100000Has456574DigitsAndEndsIn24999Zeros() {
    String digits = Algorithms.factorial(100_000).toString();
    assertThat(digits.length()).isEqualTo(456_574);
    // Legendre: 100000/5 + 100000/25 + ... = 24999 factors of 5, so that many trailing zeros.
    int trailingZeros = digits.length() - digits.replaceAll("0+$", "").length();
    assertThat(trailingZeros).isEqualTo(24_999);
  }

  @Test
  void factorialOf100000IsOneHundredThousandTimesTheOneBefore() {
    assertThat(Algorithms.factorial(100_000).divide(Algorithms.factorial(99_999)))
        .isEqualTo(big(100_000));
  }

  @Test
  void factorialOfNegativeIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> Algorithms.factorial(-1));
  }

  // Ackermann

  @ParameterizedTest(name = "A({0}, {1}) = {2}")
  @CsvSource({
    "0, 0, 1",
    "0, 1, 2",
    "1, 0, 2",
    "1, 1, 3",
    "2, 0, 3",
    "2, 1, 5",
    "2, 2, 7",
    "3, 4, 125",
    "4, 0, 13",
    "4, 1, 65533",
    "5, 0, 65533"
  })
  void ackermannHasTheKnownValues(long m, long n, long expected) {
    assertThat(ackermann(m, n)).isEqualTo(big(expected));
  }

  @Test
  void ackermannClosedFormsAgreeWithTheRecursiveDefinition() {
    for (int m = 0; m <= 3; m++) {
      for (int n = 0; n <= 6; n++) {
        assertThat(ackermann(m, n)).as("A(%d, %d)", m, n).isEqualTo(big(naiveAckermann(m, n)));
      }
    }
    assertThat(ackermann(4, 0)).isEqualTo(big(naiveAckermann(4, 0)));
  }

  @Test
  void ackermannOfFourTwoIsTwoToThe65536MinusThree() {
    BigInteger result = ackermann(4, 2);
    assertThat(result).isEqualTo(BigInteger.TWO.pow(65_536).subtract(big(3)));
    assertThat(result.toString().length()).isEqualTo(19_729);
  }

  @Test
  void ackermannOfHugeNIsExactForSmallM() {
    BigInteger huge = BigInteger.TEN.pow(5_000);
    assertThat(Algorithms.ackermann(BigInteger.ZERO, huge, DEFAULT_BITS))
        .isEqualTo(huge.add(big(1)));
    assertThat(Algorithms.ackermann(BigInteger.TWO, huge, DEFAULT_BITS))
        .isEqualTo(huge.multiply(big(2)).add(big(3)));
  }

  @ParameterizedTest(name = "A({0}, {1})")
  @CsvSource({"4, 3", "5, 1", "6, 0", "4, 1000000", "5, 1000000", "1000000, 0"})
  void ackermannBeyondTheDefaultBudgetIsTooLarge(long m, long n) {
    assertThatThrownBy(() -> ackermann(m, n)).isInstanceOf(ResultTooLargeException.class);
  }

  @Test
  void ackermannOfEnormousArgumentsIsTooLargeRatherThanSlow() {
    BigInteger enormous = BigInteger.TEN.pow(100);
    assertThatThrownBy(() -> Algorithms.ackermann(enormous, BigInteger.ZERO, DEFAULT_BITS))
        .isInstanceOf(ResultTooLargeException.class);
    assertThatThrownBy(() -> Algorithms.ackermann(big(4), enormous, DEFAULT_BITS))
        .isInstanceOf(ResultTooLargeException.class);
    assertThatThrownBy(() -> Algorithms.ackermann(big(3), enormous, DEFAULT_BITS))
        .isInstanceOf(ResultTooLargeException.class);
  }

  @Test
  void ackermannUsesTheWholeBitBudgetAndNoMore() {
    // A(3, n) = 2^(n+3) - 3 has n + 3 bits.
    assertThat(ackermann(3, DEFAULT_BITS - 3).bitLength()).isEqualTo((int) DEFAULT_BITS);
    assertThatThrownBy(() -> ackermann(3, DEFAULT_BITS - 2))
        .isInstanceOf(ResultTooLargeException.class);
    // A(2, n) = 2n + 3: the budget applies to every m, not only to the fast-growing ones.
    assertThat(Algorithms.ackermann(big(2), big(6), 4)).isEqualTo(big(15));
    assertThatThrownBy(() -> Algorithms.ackermann(big(2), big(7), 4))
        .isInstanceOf(ResultTooLargeException.class);
  }

  @Test
  void ackermannOfNegativeArgumentsIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> ackermann(-1, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> ackermann(0, -1));
  }

  /** The textbook definition; its recursion depth is 2^(n+3) for m = 3, so small inputs only. */
  private static long naiveAckermann(long m, long n) {
    if (m == 0) {
      return n + 1;
    }
    if (n == 0) {
      return naiveAckermann(m - 1, 1);
    }
    return naiveAckermann(m - 1, naiveAckermann(m, n - 1));
  }

  private static BigInteger big(long value) {
    return BigInteger.valueOf(value);
  }
}
