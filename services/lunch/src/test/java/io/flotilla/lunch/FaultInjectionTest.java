package io.flotilla.lunch;

import static io.flotilla.testsupport.Http.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flotilla.testsupport.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Faults switched at runtime with {@code PUT /faults}: they hit {@code /api/**} and nothing else.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FaultInjectionTest {

  static final String NO_FAULTS = "{\"delay\":\"0s\",\"errorRate\":0.0,\"outage\":false}";

  @LocalServerPort int port;

  Http http;

  @BeforeEach
  void connect() {
    http = Http.port(port);
  }

  // Faults are the application's state, shared with every other test of this context.
  @AfterEach
  void noFaults() {
    assertThat(
            http.put("/faults", "{\"delay\":\"0s\",\"errorRate\":0.0,\"outage\":false}").status())
        .isEqualTo(200);
  }

  @Test
  void faultsAreOffByDefault() {
    assertThat(http.get("/faults")).isEqualTo(json(200, NO_FAULTS));
    assertThat(http.get("/api/").status()).isEqualTo(200);
  }

  @Test
  void anOutageAnswers503ToEveryApiRequestAndCountsThem() {
    double outages = LunchApiTest.requests(http, "outage");
    double ok = LunchApiTest.requests(http, "ok");

    assertThat(http.put("/faults", "{\"outage\":true}"))
        .isEqualTo(json(200, "{\"delay\":\"0s\",\"errorRate\":0.0,\"outage\":true}"));

    for (String path : new String[] {"/api/", "/api/restaurant", "/api/restaurant/dufva"}) {
      Http.Answer answer = http.get(path);
      assertThat(answer.status()).as(path).isEqualTo(503);
      assertThat(answer.contentType()).as(path).isEqualTo("application/problem+json");
      assertThat(answer.body())
          .as(path)
          .contains("\"detail\":\"The lunch service is unavailable (injected fault: outage).\"");
    }
    assertThat(LunchApiTest.requests(http, "outage")).isEqualTo(outages + 3);
    assertThat(LunchApiTest.requests(http, "ok")).isEqualTo(ok);
  }

  @Test
  void anOutageLeavesHealthMetricsAndTheSwitchAlone() {
    http.put("/faults", "{\"outage\":true}");

    assertThat(http.header("Accept", "application/json").get("/health"))
        .isEqualTo(json(200, "{\"status\":\"UP\"}"));
    assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
    assertThat(http.header("Accept", "text/plain").get("/actuator/prometheus").status())
        .isEqualTo(200);
    assertThat(http.get("/faults").status()).isEqualTo(200);
    assertThat(http.put("/faults", NO_FAULTS)).isEqualTo(json(200, NO_FAULTS));
    assertThat(http.get("/api/").status()).isEqualTo(200);
  }

  @Test
  void anErrorRateOfOneFailsEveryRequest() {
    double injected = LunchApiTest.requests(http, "injected_error");
    http.put("/faults", "{\"errorRate\":1.0}");

    Http.Answer answer = http.get("/api/restaurant");

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body()).contains("injected fault: error rate 1.0");
    assertThat(http.get("/api/restaurant/haga").status()).isEqualTo(503);
    assertThat(LunchApiTest.requests(http, "injected_error")).isEqualTo(injected + 2);
  }

  @Test
  void anErrorRateOfZeroFailsNone() {
    double injected = LunchApiTest.requests(http, "injected_error");
    double ok = LunchApiTest.requests(http, "ok");
    http.put("/faults", "{\"errorRate\":0.0}");

    for (int i = 0; i < 20; i++) {
      assertThat(http.get("/api/restaurant").status()).isEqualTo(200);
    }
    assertThat(LunchApiTest.requests(http, "injected_error")).isEqualTo(injected);
    assertThat(LunchApiTest.requests(http, "ok")).isEqualTo(ok + 20);
  }

  @Test
  void aDelayIsAppliedAndTheRequestStillAnswers() {
    double delays = http.scraped("lunch_faults_delay_seconds_count");
    double delayed = http.scraped("lunch_faults_delay_seconds_sum");
    double ok = LunchApiTest.requests(http, "ok");

    assertThat(http.put("/faults", "{\"delay\":\"50ms\"}"))
        .isEqualTo(json(200, "{\"delay\":\"50ms\",\"errorRate\":0.0,\"outage\":false}"));
    Http.Answer answer = http.get("/api/restaurant/dufva");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).startsWith("{\"restaurant\":{\"location\":\"Uppsala\"");
    assertThat(LunchApiTest.requests(http, "ok")).isEqualTo(ok + 1);
    // The timer records the configured delay, not a measured time, so this is exact.
    assertThat(http.scraped("lunch_faults_delay_seconds_count")).isEqualTo(delays + 1);
    assertThat(http.scraped("lunch_faults_delay_seconds_sum"))
        .isCloseTo(delayed + 0.05, within(1e-9));
  }

  @Test
  void aDelayIsNotAppliedOutsideTheApi() {
    double delays = http.scraped("lunch_faults_delay_seconds_count");
    http.put("/faults", "{\"delay\":\"2s\"}");

    assertThat(http.header("Accept", "application/json").get("/health").status()).isEqualTo(200);
    assertThat(http.get("/faults"))
        .isEqualTo(json(200, "{\"delay\":\"2s\",\"errorRate\":0.0,\"outage\":false}"));

    assertThat(http.scraped("lunch_faults_delay_seconds_count")).isEqualTo(delays);
  }

  @Test
  void aNegativeDelayIsRefused() {
    assertRefused("{\"delay\":\"-1s\"}", "delay must not be negative, got -1s");
  }

  @Test
  void aDelayThatIsNotADurationIsRefused() {
    assertRefused(
        "{\"delay\":\"soon\"}",
        "delay must be a duration such as \\\"2s\\\", \\\"500ms\\\" or \\\"PT2S\\\", got \\\"soon\\\"");
  }

  @Test
  void anErrorRateOutsideZeroToOneIsRefused() {
    assertRefused("{\"errorRate\":1.5}", "errorRate must be from 0.0 to 1.0, got 1.5");
    assertRefused("{\"errorRate\":-0.1}", "errorRate must be from 0.0 to 1.0, got -0.1");
  }

  @Test
  void aBodyThatIsNotJsonIsRefused() {
    Http.Answer answer = http.put("/faults", "{\"outage\":");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(http.get("/faults")).isEqualTo(json(200, NO_FAULTS));
  }

  /** A refused body names what is wrong and leaves the faults as they were. */
  private void assertRefused(String body, String detail) {
    http.put("/faults", "{\"delay\":\"1ms\"}");

    Http.Answer answer = http.put("/faults", body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body()).contains("\"detail\":\"" + detail + "\"");
    assertThat(http.get("/faults"))
        .isEqualTo(json(200, "{\"delay\":\"1ms\",\"errorRate\":0.0,\"outage\":false}"));
  }
}
