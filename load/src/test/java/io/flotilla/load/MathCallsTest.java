package io.flotilla.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The answers the traffic generator expects are right: a wrong one would count a correct service as
 * failing. Known values from seed 001's tests.
 */
class MathCallsTest {

  @Test
  void factorialsAreTheKnownValues() {
    assertThat(MathCalls.factorial(0)).isEqualTo(BigInteger.ONE);
    assertThat(MathCalls.factorial(7)).isEqualTo(BigInteger.valueOf(5040));
    assertThat(MathCalls.factorial(20)).isEqualTo(new BigInteger("2432902008176640000"));
    assertThat(MathCalls.factorial(400).toString()).hasSize(869);
  }

  @Test
  void fibonacciNumbersAreTheKnownValues() {
    assertThat(MathCalls.fibonacci(0)).isEqualTo(BigInteger.ZERO);
    assertThat(MathCalls.fibonacci(6)).isEqualTo(BigInteger.valueOf(8));
    assertThat(MathCalls.fibonacci(100)).isEqualTo(new BigInteger("354224848179261915075"));
    assertThat(MathCalls.fibonacci(399))
        .isEqualTo(
            new BigInteger(
                "108788617463475645289761992289049744844995705477812699099751202749393926359816304226"));
  }

  @Test
  void ackermannNumbersAreTheKnownValues() {
    assertThat(MathCalls.ackermann(0, 0)).isEqualTo(BigInteger.ONE);
    assertThat(MathCalls.ackermann(1, 1)).isEqualTo(BigInteger.valueOf(3));
    assertThat(MathCalls.ackermann(2, 1)).isEqualTo(BigInteger.valueOf(5));
    assertThat(MathCalls.ackermann(3, 4)).isEqualTo(BigInteger.valueOf(125));
  }
}
