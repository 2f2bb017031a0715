package io.flotilla.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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

/** A service that accepts the request and then drops the connection (a crash) is a 502. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayServiceDropsConnectionTest {

  static final ServerSocket dropping = acceptAndClose();

  @DynamicPropertySource
  static void routeToTheDroppingService(DynamicPropertyRegistry registry) {
    registry.add("flotilla.services.math", () -> "http://localhost:" + dropping.getLocalPort());
  }

  @AfterAll
  static void stop() throws IOException {
    dropping.close();
  }

  @Autowired WebTestClient client;

  @Test
  void droppedConnectionIsA502ProblemNamingTheService() {
    client
        .get()
        .uri("/factorial?n=5")
        .exchange()
        .expectStatus()
        .isEqualTo(502)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("The math service closed the connection without a complete answer.");
  }

  private static ServerSocket acceptAndClose() {
    try {
      ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread.ofVirtual()
          .start(() -> {
            while (!server.isClosed()) {
              try (Socket connection = server.accept()) {
                connection.getInputStream().read(); // the request has arrived; hang up
              } catch (IOException closed) {
                // the server socket was closed: the test is over
              }
            }
          });
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
