package io.flotilla.lunch;

import static io.flotilla.testsupport.Http.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.platform.credentials.ServiceSecret;
import io.flotilla.platform.credentials.ServiceTokens;
import io.flotilla.testsupport.Http;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The platform's fault injection, switched on the management port as in every service, applied to
 * the lunch API (the mechanism itself is tested in the platform).
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "flotilla.service-credentials.secret=" + FaultInjectionTest.SECRET
    })
class FaultInjectionTest {

  static final String NO_FAULTS = "{\"delay\":\"0s\",\"errorRate\":0.0,\"outage\":false}";
  static final String SECRET = "lunch's test service secret, 32 bytes or more";

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

  Http http;
  Http management;

  @BeforeEach
  void connect() {
    http = Http.port(port);
    management = operator(managementPort);
  }

  /** The switch as an operator's {@code ./flotilla faults lunch} calls it: with a service token. */
  static Http operator(int managementPort) {
    String token =
        ServiceTokens.mint(
            ServiceSecret.key(SECRET).orElseThrow(),
            "operator",
            "lunch",
            Instant.now(),
            Duration.ofMinutes(5));
    return Http.port(managementPort).header("Accept", "application/json").as(token);
  }

  // Faults are the application's state, shared with every other test of this context.
  @AfterEach
  void noFaults() {
    assertThat(management.post("/actuator/faults", "{}")).isEqualTo(json(200, NO_FAULTS));
  }

  @Test
  void anOutageAnswers503ToEveryApiRequestWhichNeverReachesTheApi() {
    double outages = injected("outage");
    double reached = management.scraped("lunch_requests_total");

    assertThat(management.post("/actuator/faults", "{\"outage\":true}"))
        .isEqualTo(json(200, "{\"delay\":\"0s\",\"errorRate\":0.0,\"outage\":true}"));

    for (String path : new String[] {"/api/", "/api/restaurant", "/api/restaurant/dufva"}) {
      assertThat(http.get(path))
          .as(path)
          .isEqualTo(
              Http.Answer.problem(
                  503,
                  "Service Unavailable",
                  "The lunch service is unavailable (injected fault: outage).",
                  path));
    }
    assertThat(http.header("Accept", "application/json").get("/health"))
        .isEqualTo(json(200, "{\"status\":\"UP\"}"));
    assertThat(injected("outage")).isEqualTo(outages + 3);
    assertThat(management.scraped("lunch_requests_total")).isEqualTo(reached);
  }

  @Test
  void aDelayedRequestReachesTheApiAndIsCounted() {
    double ok = LunchApiTest.requests(management, "ok");
    double delayed = injected("delay");
    management.post("/actuator/faults", "{\"delay\":\"50ms\"}");

    Http.Answer answer = http.get("/api/restaurant/dufva");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).startsWith("{\"restaurant\":{\"location\":\"Uppsala\"");
    assertThat(LunchApiTest.requests(management, "ok")).isEqualTo(ok + 1);
    assertThat(injected("delay")).isEqualTo(delayed + 1);
  }

  @Test
  void theSwitchIsNotOnTheServicesPort() {
    assertThat(http.get("/actuator/faults").status()).isEqualTo(404);
    assertThat(http.put("/faults", "{\"outage\":true}").status()).isEqualTo(404);
    assertThat(management.get("/actuator/faults")).isEqualTo(json(200, NO_FAULTS));
  }

  private double injected(String kind) {
    return management.scraped("flotilla_faults_injected_total", "kind=\"" + kind + "\"");
  }
}
