package io.flotilla.lunch;

import static io.flotilla.testsupport.Http.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Faults set in the configuration ({@code flotilla.faults.*}) are in force from start-up on. */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "flotilla.service-credentials.secret=" + FaultInjectionTest.SECRET,
      "flotilla.faults.outage=true",
      "flotilla.faults.delay=250ms"
    })
class ConfiguredFaultsTest {

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

  @Test
  void theConfiguredFaultsAreShownAndApplied() {
    Http http = Http.port(port);

    assertThat(FaultInjectionTest.operator(managementPort).get("/actuator/faults"))
        .isEqualTo(json(200, "{\"delay\":\"250ms\",\"errorRate\":0.0,\"outage\":true}"));
    assertThat(http.get("/api/").status()).isEqualTo(503);
    assertThat(http.header("Accept", "application/json").get("/health"))
        .isEqualTo(json(200, "{\"status\":\"UP\"}"));
  }
}
