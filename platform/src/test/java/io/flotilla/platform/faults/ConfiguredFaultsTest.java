package io.flotilla.platform.faults;

import static io.flotilla.testsupport.Http.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.platform.sample.SampleApplication;
import io.flotilla.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Faults set in the configuration are in force from start-up on. Actuator shares the service's port
 * here (a random port keeps it there), so the switch is left out: it is never on a public port.
 */
@SpringBootTest(
    classes = SampleApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=sample",
      "flotilla.faults.outage=true",
      "flotilla.faults.delay=250ms"
    })
class ConfiguredFaultsTest {

  @LocalServerPort int port;

  @Test
  void theConfiguredFaultsAreAppliedAndTheSwitchIsNowhere() {
    Http http = Http.port(port);

    assertThat(http.get("/hello").status()).isEqualTo(503);
    assertThat(http.header("Accept", "application/json").get("/health"))
        .isEqualTo(json(200, "{\"status\":\"UP\"}"));
    assertThat(http.get("/actuator/health").status()).isEqualTo(200);
    assertThat(http.get("/actuator/faults").status()).isEqualTo(404);
    assertThat(http.scraped("flotilla_faults_active", "kind=\"outage\"")).isEqualTo(1.0);
    assertThat(http.scraped("flotilla_faults_active", "kind=\"delay\"")).isEqualTo(1.0);
  }
}
