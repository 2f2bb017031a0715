package io.flotilla.platform.faults;

import static io.flotilla.testsupport.Http.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.platform.sample.SampleApplication;
import io.flotilla.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Where faults must not be switched at runtime, Actuator's access setting makes it read-only: even
 * a service token for the service can only read them.
 */
@SpringBootTest(
    classes = SampleApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=sample",
      "management.server.port=0",
      "management.endpoint.faults.access=read-only",
      "flotilla.service-credentials.secret=" + FaultsSwitchTokenTest.SECRET
    })
class ReadOnlyFaultsTest {

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

  @Test
  void theFaultsAreShownButNotSwitched() {
    Http management =
        Http.port(managementPort)
            .header("Accept", "application/json")
            .as(FaultsSwitchTokenTest.token(FaultsSwitchTokenTest.SECRET, "sample"));

    assertThat(management.post("/actuator/faults", "{\"outage\":true}").status()).isEqualTo(405);
    assertThat(management.get("/actuator/faults"))
        .isEqualTo(json(200, "{\"delay\":\"0s\",\"errorRate\":0.0,\"outage\":false}"));
    assertThat(Http.port(port).get("/hello").status()).isEqualTo(200);
  }
}
