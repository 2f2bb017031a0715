package io.flotilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A service that does not answer within the response timeout gets the client a 504. */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "flotilla.gateway.response-timeout=500ms")
@AutoConfigureWebTestClient
class GatewayTimeoutTest {

  static final StandInMath math = StandInMath.start();

  @DynamicPropertySource
  static void routeToTheStandIn(DynamicPropertyRegistry registry) {
    registry.add("flotilla.services.math", math::url);
  }

  @AfterAll
  static void stopTheStandIn() {
    math.close();
  }

  @Autowired WebTestClient client;

  @Test
  void slowServiceIsA504ProblemNamingTheService() {
    // The stand-in holds every /ackermann request until it is closed.
    client
        .get()
        .uri("/ackermann/4/2/")
        .header("X-Request-Id", "slow-1")
        .exchange()
        .expectStatus()
        .isEqualTo(504)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .values("X-Request-Id", ids -> assertThat(ids).containsExactly("slow-1"))
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(504)
        .jsonPath("$.detail")
        .isEqualTo("The math service did not answer in time.")
        .jsonPath("$.instance")
        .isEqualTo("/ackermann/4/2/");
  }
}
