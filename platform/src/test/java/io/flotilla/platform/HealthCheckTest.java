package io.flotilla.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The containers' health check against a real HTTP server. */
class HealthCheckTest {

  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/up", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
    server.createContext(
        "/out-of-service", exchange -> answer(exchange, 503, "{\"status\":\"OUT_OF_SERVICE\"}"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void readyServiceIsHealthy() {
    assertThat(HealthCheck.check(url("/up"))).isZero();
  }

  @Test
  void serviceThatIsNotReadyIsUnhealthy() {
    assertThat(HealthCheck.check(url("/out-of-service"))).isEqualTo(1);
  }

  @Test
  void serviceThatDoesNotListenIsUnhealthy() throws IOException {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    assertThat(HealthCheck.check("http://127.0.0.1:" + closedPort + "/up")).isEqualTo(1);
  }

  @Test
  void missingOrMalformedUrlIsUnhealthyNotACrash() {
    assertThat(HealthCheck.check()).isEqualTo(1);
    assertThat(HealthCheck.check("not a url")).isEqualTo(1);
  }
}
