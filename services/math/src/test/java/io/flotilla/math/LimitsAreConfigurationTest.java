package io.flotilla.math;

import static io.flotilla.math.QueryStyleTest.failed;
import static io.flotilla.math.QueryStyleTest.success;
import static io.flotilla.testsupport.Http.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"flotilla.math.factorial-max=10", "flotilla.math.ackermann-max-digits=3"})
@ActiveProfiles("test")
class LimitsAreConfigurationTest {

  @LocalServerPort int port;

  Http http;

  @BeforeEach
  void connect() {
    http = Http.port(port);
  }

  @Test
  void factorialAboveTheConfiguredMaximumIsRefused() {
    assertThat(http.get("/factorial?n=11"))
        .isEqualTo(json(400, failed("factorial", "n must be at most 10, got 11")));
    assertThat(http.get("/factorial/11/"))
        .isEqualTo(json(400, "{\"error\":\"invalid number: 11\"}"));
  }

  @Test
  void factorialAtTheConfiguredMaximumIsComputed() {
    assertThat(http.get("/factorial/10/")).isEqualTo(json(200, "{\"response\":\"3628800\"}"));
    assertThat(http.get("/factorial?n=10")).isEqualTo(json(200, success("factorial", 3628800)));
  }

  @Test
  void messagesNameTheConfiguredRange() {
    assertThat(http.get("/factorial"))
        .isEqualTo(json(400, failed("factorial", "n is required: an integer from 0 to 10")));
    assertThat(http.get("/factorial?n=-1"))
        .isEqualTo(
            json(
                400,
                failed("factorial", "n must not be negative: an integer from 0 to 10, got -1")));
  }

  @Test
  void ackermannResultsAreLimitedToTheConfiguredDigits() {
    // A(3, n) = 2^(n+3) - 3: 509 has three digits, 1021 four.
    assertThat(http.get("/ackermann/3/6/")).isEqualTo(json(200, "{\"response\":\"509\"}"));
    assertThat(http.get("/ackermann?m=3&n=7"))
        .isEqualTo(
            json(
                400,
                failed(
                    "ackermann",
                    "result too large: ackermann(3, 7) has more than 3 digits; m and n must be"
                        + " non-negative integers whose result has at most 3 digits")));
    assertThat(http.get("/ackermann/3/7/"))
        .isEqualTo(json(400, "{\"error\":\"invalid number: 7\"}"));
  }

  @Test
  void limitsNotConfiguredKeepTheirDefaults() {
    assertThat(http.get("/fibonacci?n=1000001"))
        .isEqualTo(json(400, failed("fibonacci", "n must be at most 1000000, got 1000001")));
    assertThat(http.get("/fibonacci/11/")).isEqualTo(json(200, "{\"response\":\"89\"}"));
  }
}
