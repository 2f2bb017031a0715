package io.flotilla.math;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import io.flotilla.testsupport.Http.Answer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The largest results the default limits allow, whole, over HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LargeResultsTest {

  private static final Pattern QUERY_RESULT =
      Pattern.compile("\\{\"algo\":\"(\\w+)\",\"result\":([1-9][0-9]*),\"status\":\"success\"}");
  private static final Pattern PATH_RESULT = Pattern.compile("\\{\"response\":\"([1-9][0-9]*)\"}");

  @LocalServerPort int port;

  Http http;

  @BeforeEach
  void connect() {
    http = Http.port(port);
  }

  /** The result's digits, after checking the whole body has the success shape. */
  private static String digits(Answer answer, Pattern shape) {
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).isEqualTo("application/json");
    Matcher matcher = shape.matcher(answer.body());
    assertThat(matcher.matches())
        .as("body has the success shape: %.200s...", answer.body())
        .isTrue();
    return matcher.group(matcher.groupCount());
  }

  @Test
  void fibonacciOfAMillionHas208988Digits() {
    assertThat(digits(http.get("/fibonacci?n=1000000"), QUERY_RESULT).length()).isEqualTo(208_988);
  }

  @Test
  void factorialOf100000Has456574Digits() {
    assertThat(digits(http.get("/factorial?n=100000"), QUERY_RESULT).length()).isEqualTo(456_574);
    assertThat(digits(http.get("/factorial/100000/"), PATH_RESULT).length()).isEqualTo(456_574);
  }

  @Test
  void ackermannOfFourAndTwoHas19729Digits() {
    assertThat(digits(http.get("/ackermann?m=4&n=2"), QUERY_RESULT).length()).isEqualTo(19_729);
  }

  @Test
  void ackermannMayHaveExactlyTheDigitLimit() {
    // A(3, 332189) = 2^332192 - 3 has 100,000 digits; one more n and it has 100,001.
    assertThat(digits(http.get("/ackermann?m=3&n=332189"), QUERY_RESULT).length())
        .isEqualTo(100_000);
    assertThat(http.get("/ackermann?m=3&n=332190").status()).isEqualTo(400);
  }
}
