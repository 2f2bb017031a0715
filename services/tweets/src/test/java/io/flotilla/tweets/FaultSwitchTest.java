package io.flotilla.tweets;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The platform's fault switch on tweets' management port: a service token for tweets reaches it,
 * though tweets' own security takes any bearer token it sees for a user's and would refuse this
 * one.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "management.server.port=0")
@ActiveProfiles("test")
class FaultSwitchTest extends ApiTest {

  @LocalManagementPort int managementPort;

  @Test
  void aServiceTokenForTweetsReadsAndSwitchesTheFaults() {
    Http operator =
        Http.port(managementPort)
            .header("Accept", "application/json")
            .as(serviceToken("operator", "tweets"));

    assertThat(operator.post("/actuator/faults", "{\"delay\":\"1ms\"}").status()).isEqualTo(200);
    assertThat(operator.post("/actuator/faults", "{}").body())
        .isEqualTo("{\"delay\":\"0s\",\"errorRate\":0.0,\"outage\":false}");
    assertThat(Http.port(managementPort).get("/actuator/faults").status()).isEqualTo(401);
    assertThat(Http.port(managementPort).as(USERS.token("alice")).get("/actuator/faults").status())
        .isEqualTo(401);
  }
}
