package io.flotilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.StandInServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

/**
 * The gateway lets go of a connection to a service before the service would close it for being
 * idle: taken at the moment the service closes it, a login (a POST, never sent twice) was answered
 * 502. Here the idle time is cut to 300 ms to see it happen.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.cloud.gateway.server.webflux.httpclient.pool.max-idle-time=300ms")
@AutoConfigureWebTestClient
class GatewayIdleConnectionTest {

  /** The client port of each connection a request arrived on. */
  static final List<Integer> connections = new CopyOnWriteArrayList<>();

  static final StandInServer users =
      StandInServer.start(
          "/",
          exchange -> {
            connections.add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"detail\":\"wrong\"}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });

  @DynamicPropertySource
  static void routeToTheStandIn(DynamicPropertyRegistry registry) {
    registry.add("flotilla.services.users", users::url);
  }

  @AfterAll
  static void stop() {
    users.close();
  }

  @Autowired WebTestClient client;

  @Test
  void aConnectionIdleLongerThanTheLimitIsNotTakenForTheNextRequest() throws Exception {
    login();
    login(); // at once: the same connection
    Thread.sleep(1_000);
    login(); // after the idle limit: a new one

    assertThat(connections).hasSize(3);
    assertThat(connections.get(1)).isEqualTo(connections.get(0));
    assertThat(connections.get(2)).isNotEqualTo(connections.get(1));
  }

  private void login() {
    client
        .post()
        .uri("/api/v1/auth/login")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"username\":\"someone\",\"password\":\"not-it\"}")
        .exchange()
        .expectStatus()
        .isEqualTo(401);
  }
}
