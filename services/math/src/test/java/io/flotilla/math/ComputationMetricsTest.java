package io.flotilla.math;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The computation timer and the result cache, as Prometheus scrapes them. Other tests share this
 * application, so every check compares a counter before and after, with arguments no other test
 * uses.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ComputationMetricsTest {

  @LocalServerPort int port;

  Http http;

  @BeforeEach
  void connect() {
    http = Http.port(port);
  }

  private double factorialsComputed() {
    return http.scraped(
        "math_computation_seconds_count", "algo=\"factorial\"", "outcome=\"success\"");
  }

  private double cacheHits() {
    return http.scraped("cache_gets_total", "cache=\"math.results\"", "result=\"hit\"");
  }

  @Test
  void aComputationIsTimedOnceAndRepeatsAreServedFromTheCache() {
    double computedBefore = factorialsComputed();
    double hitsBefore = cacheHits();

    assertThat(http.get("/factorial?n=4321").status()).isEqualTo(200);
    assertThat(factorialsComputed()).isEqualTo(computedBefore + 1);
    assertThat(cacheHits()).isEqualTo(hitsBefore);

    // The same request again, and the same result asked for in the other style, are answered
    // from the result cache.
    assertThat(http.get("/factorial?n=4321").status()).isEqualTo(200);
    assertThat(http.get("/factorial/4321/").status()).isEqualTo(200);
    assertThat(factorialsComputed()).isEqualTo(computedBefore + 1);
    assertThat(cacheHits()).isEqualTo(hitsBefore + 2);
  }

  @Test
  void eachComputationIsLoggedWithItsTime(CapturedOutput output) {
    http.get("/fibonacci?n=4323");
    http.get("/fibonacci/4323/");

    assertThat(output.getOut().lines().filter(line -> line.contains("fibonacci n=4323 took ")))
        .singleElement()
        .asString()
        .contains(" INFO ")
        .containsPattern("fibonacci n=4323 took \\d+\\.\\d{2} ms$");
  }

  @Test
  void aResultTooLargeIsTimedWithItsOwnOutcome() {
    double before =
        http.scraped(
            "math_computation_seconds_count", "algo=\"ackermann\"", "outcome=\"too_large\"");

    assertThat(http.get("/ackermann?m=4&n=4321").status()).isEqualTo(400);

    assertThat(
            http.scraped(
                "math_computation_seconds_count", "algo=\"ackermann\"", "outcome=\"too_large\""))
        .isEqualTo(before + 1);
  }

  @Test
  void aResultOneDigitOverTheLimitIsTimedAsTooLargeAndRefusedEveryTime() {
    // A(3, 332190) = 2^332193 - 3 fits the bit budget but has 100,001 digits.
    double tooLarge =
        http.scraped(
            "math_computation_seconds_count", "algo=\"ackermann\"", "outcome=\"too_large\"");
    double hits = cacheHits();

    assertThat(http.get("/ackermann?m=3&n=332190").status()).isEqualTo(400);
    assertThat(http.get("/ackermann/3/332190/").status()).isEqualTo(400);

    assertThat(
            http.scraped(
                "math_computation_seconds_count", "algo=\"ackermann\"", "outcome=\"too_large\""))
        .isEqualTo(tooLarge + 2);
    assertThat(cacheHits()).as("never cached, so never a hit").isEqualTo(hits);
  }

  @Test
  void refusedInputsAreNeitherComputedNorCached() {
    double computedBefore = factorialsComputed();
    double missesBefore =
        http.scraped("cache_gets_total", "cache=\"math.results\"", "result=\"miss\"");

    assertThat(http.get("/factorial?n=100001").status()).isEqualTo(400);
    assertThat(http.get("/factorial?n=abc").status()).isEqualTo(400);

    assertThat(factorialsComputed()).isEqualTo(computedBefore);
    assertThat(http.scraped("cache_gets_total", "cache=\"math.results\"", "result=\"miss\""))
        .isEqualTo(missesBefore);
  }

  @Test
  void theResultCacheIsMeasured() {
    String scrape = http.get("/actuator/prometheus").body();

    assertThat(scrape.lines().filter(line -> line.contains("cache=\"math.results\"")))
        .anyMatch(line -> line.startsWith("cache_size{"))
        .anyMatch(line -> line.startsWith("cache_puts_total{"))
        .anyMatch(line -> line.startsWith("cache_evictions_total{"))
        .anyMatch(line -> line.startsWith("cache_gets_total{"));
  }

  @Test
  void healthIsUp() {
    Http.Answer health = http.get("/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
  }
}
