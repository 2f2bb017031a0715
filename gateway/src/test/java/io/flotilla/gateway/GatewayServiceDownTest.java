package io.flotilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.FreePorts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A service nothing listens for gets the client a 503 that says so. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayServiceDownTest {

  @DynamicPropertySource
  static void routeToAPortNothingListensOn(DynamicPropertyRegistry registry) {
    registry.add("flotilla.services.math", () -> "http://localhost:" + FreePorts.next());
  }

  @Autowired WebTestClient client;

  @Test
  void unreachableServiceIsA503ProblemNamingTheService() {
    client
        .get()
        .uri("/factorial?n=5")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .values("X-Request-Id", ids -> assertThat(ids).hasSize(1))
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(503)
        .jsonPath("$.detail")
        .isEqualTo("The math service cannot be reached right now; try again shortly.")
        .jsonPath("$.instance")
        .isEqualTo("/factorial");
  }

  @Test
  void gatewayStaysHealthyWhileAServiceIsDown() {
    client.get().uri("/health").exchange().expectStatus().isOk();
  }
}
