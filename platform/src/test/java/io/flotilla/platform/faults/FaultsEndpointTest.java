package io.flotilla.platform.faults;

import static io.flotilla.testsupport.Http.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.platform.sample.SampleApplication;
import io.flotilla.testsupport.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Faults switched at runtime through {@code /actuator/faults} on the management port (with a
 * service token for the service, see {@link FaultsSwitchTokenTest}): they hit the service's
 * requests and nothing else, over real HTTP.
 */
@SpringBootTest(
    classes = SampleApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=sample",
      "management.server.port=0",
      "flotilla.service-credentials.secret=" + FaultsSwitchTokenTest.SECRET
    })
class FaultsEndpointTest {

  static final String NO_FAULTS = "{\"delay\":\"0s\",\"errorRate\":0.0,\"outage\":false}";

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

  Http service;
  Http management;

  @BeforeEach
  void connect() {
    service = Http.port(port);
    management =
        Http.port(managementPort)
            .header("Accept", "application/json")
            .as(FaultsSwitchTokenTest.token(FaultsSwitchTokenTest.SECRET, "sample"));
  }

  // Faults are the application's state, shared with every other test of this context.
  @AfterEach
  void noFaults() {
    assertThat(management.post("/actuator/faults", "{}")).isEqualTo(json(200, NO_FAULTS));
  }

  @Test
  void faultsAreOffByDefault() {
    assertThat(management.get("/actuator/faults")).isEqualTo(json(200, NO_FAULTS));
    assertThat(service.get("/hello").status()).isEqualTo(200);
    assertThat(management.scraped("flotilla_faults_active")).isZero();
  }

  @Test
  void theSwitchIsNotOnTheServicesPort() {
    assertThat(service.get("/actuator/faults").status()).isEqualTo(404);
    assertThat(service.post("/actuator/faults", "{\"outage\":true}").status()).isEqualTo(404);
    assertThat(management.get("/actuator/faults")).isEqualTo(json(200, NO_FAULTS));
  }

  @Test
  void anOutageAnswers503ToEveryRequestAndCountsThem() {
    double outages = injected("outage");

    assertThat(management.post("/actuator/faults", "{\"outage\":true}"))
        .isEqualTo(json(200, "{\"delay\":\"0s\",\"errorRate\":0.0,\"outage\":true}"));

    assertThat(service.get("/hello"))
        .isEqualTo(
            Http.Answer.problem(
                503,
                "Service Unavailable",
                "The sample service is unavailable (injected fault: outage).",
                "/hello"));
    assertThat(service.post("/count", "[1,2]").status()).isEqualTo(503);
    assertThat(service.get("/no-such-page").status()).isEqualTo(503);
    assertThat(injected("outage")).isEqualTo(outages + 3);
    assertThat(management.scraped("flotilla_faults_active", "kind=\"outage\"")).isEqualTo(1.0);
    assertThat(management.scraped("flotilla_faults_active", "kind=\"delay\"")).isZero();
  }

  @Test
  void anOutageLeavesHealthProbesAndActuatorAlone() {
    management.post("/actuator/faults", "{\"outage\":true}");

    assertThat(service.header("Accept", "application/json").get("/health"))
        .isEqualTo(json(200, "{\"status\":\"UP\"}"));
    assertThat(service.get("/livez").status()).isEqualTo(200);
    assertThat(service.get("/readyz").status()).isEqualTo(200);
    assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
    assertThat(management.get("/actuator/info").status()).isEqualTo(200);
    assertThat(management.post("/actuator/faults", "{}")).isEqualTo(json(200, NO_FAULTS));
    assertThat(service.get("/hello").status()).isEqualTo(200);
  }

  @Test
  void anErrorRateOfOneFailsEveryRequest() {
    double failed = injected("error");
    management.post("/actuator/faults", "{\"errorRate\":1.0}");

    Http.Answer answer = service.get("/hello");

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body())
        .contains(
            "\"detail\":\"The sample service failed this request (injected fault: error rate"
                + " 1.0).\"");
    assertThat(service.get("/hello").status()).isEqualTo(503);
    assertThat(injected("error")).isEqualTo(failed + 2);
    assertThat(management.scraped("flotilla_faults_active", "kind=\"error_rate\"")).isEqualTo(1.0);
  }

  @Test
  void anErrorRateOfZeroFailsNone() {
    double failed = injected("error");
    management.post("/actuator/faults", "{\"errorRate\":0.0}");

    for (int i = 0; i < 20; i++) {
      assertThat(service.get("/hello").status()).isEqualTo(200);
    }
    assertThat(injected("error")).isEqualTo(failed);
  }

  @Test
  void aDelayedRequestIsStillAnswered() {
    double delayed = injected("delay");

    assertThat(management.post("/actuator/faults", "{\"delay\":\"50ms\"}"))
        .isEqualTo(json(200, "{\"delay\":\"50ms\",\"errorRate\":0.0,\"outage\":false}"));

    assertThat(service.get("/hello")).isEqualTo(json(200, "{\"greeting\":\"hello\"}"));
    assertThat(injected("delay")).isEqualTo(delayed + 1);
    assertThat(management.scraped("flotilla_faults_active", "kind=\"delay\"")).isEqualTo(1.0);
  }

  @Test
  void aDelayIsNotAppliedToHealth() {
    double delayed = injected("delay");
    management.post("/actuator/faults", "{\"delay\":\"2s\"}");

    assertThat(service.header("Accept", "application/json").get("/health").status()).isEqualTo(200);
    assertThat(service.get("/readyz").status()).isEqualTo(200);

    assertThat(injected("delay")).isEqualTo(delayed);
  }

  @Test
  void aNegativeDelayIsRefused() {
    assertRefused("{\"delay\":\"-1s\"}", "delay must be from 0s to 60s, got -1s");
  }

  @Test
  void aDelayPastTheLimitIsRefused() {
    assertRefused("{\"delay\":\"61s\"}", "delay must be from 0s to 60s, got 61s");
  }

  @Test
  void aDelayThatIsNotADurationIsRefused() {
    assertRefused(
        "{\"delay\":\"soon\"}",
        "delay must be a duration such as \\\"2s\\\", \\\"500ms\\\" or \\\"PT2S\\\", got"
            + " \\\"soon\\\"");
  }

  @Test
  void anErrorRateOutsideZeroToOneIsRefused() {
    assertRefused("{\"errorRate\":1.5}", "errorRate must be from 0.0 to 1.0, got 1.5");
    assertRefused("{\"errorRate\":-0.1}", "errorRate must be from 0.0 to 1.0, got -0.1");
  }

  @Test
  void anErrorRateThatIsNotANumberIsRefused() {
    assertRefused(
        "{\"errorRate\":\"lots\"}", "errorRate must be a number from 0.0 to 1.0, got \\\"lots\\\"");
  }

  @Test
  void anOutageThatIsNotTrueOrFalseIsRefused() {
    assertRefused("{\"outage\":\"maybe\"}", "outage must be true or false, got \\\"maybe\\\"");
  }

  @Test
  void aFieldTheEndpointDoesNotKnowIsIgnoredAndTheAnswerShowsWhatIsInForce() {
    management.post("/actuator/faults", "{\"outage\":true}");

    assertThat(management.post("/actuator/faults", "{\"error_rate\":0.5}"))
        .isEqualTo(json(200, NO_FAULTS));
  }

  @Test
  void aBodyThatIsNotJsonIsRefused() {
    Http.Answer answer = management.post("/actuator/faults", "{\"outage\":");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(management.get("/actuator/faults")).isEqualTo(json(200, NO_FAULTS));
  }

  /** A refused body names what is wrong and leaves the faults as they were. */
  private void assertRefused(String body, String detail) {
    management.post("/actuator/faults", "{\"delay\":\"1ms\"}");

    Http.Answer answer = management.post("/actuator/faults", body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body()).contains("\"detail\":\"" + detail + "\"");
    assertThat(management.get("/actuator/faults"))
        .isEqualTo(json(200, "{\"delay\":\"1ms\",\"errorRate\":0.0,\"outage\":false}"));
  }

  private double injected(String kind) {
    return management.scraped("flotilla_faults_injected_total", "kind=\"" + kind + "\"");
  }
}
