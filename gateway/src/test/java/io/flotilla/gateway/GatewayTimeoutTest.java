package io.flotilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service that does not answer within the response timeout gets the client a 504; a client that
 * leaves while it waits is one line in the request log.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "flotilla.gateway.response-timeout=2s")
@AutoConfigureWebTestClient(timeout = "30s")
@ExtendWith(OutputCaptureExtension.class)
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

  @LocalServerPort int port;

  @Test
  void aClientThatLeavesWhileTheServiceThinksIsOneLine(CapturedOutput output) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      socket
          .getOutputStream()
          .write(
              "GET /ackermann/4/3/ HTTP/1.1\r\nHost: localhost\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      // Leaves once the request has reached the service, which holds it.
      await().until(() -> !math.drainReceived().isEmpty());
    }

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(output.getOut()).contains("GET /ackermann/4/3/ client disconnected"));
    assertThat(output.getOut()).doesNotContain("GET /ackermann/4/3/ 504");
  }

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
