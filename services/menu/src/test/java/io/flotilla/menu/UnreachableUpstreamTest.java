package io.flotilla.menu;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An upstream that refuses connections: a 502 saying so, and after a few of them the breaker opens
 * and the relay answers 503 with Retry-After without trying.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"flotilla.menu.breaker.minimum-calls=3", "flotilla.menu.breaker.open-for=30s"})
class UnreachableUpstreamTest {

  @DynamicPropertySource
  static void upstream(DynamicPropertyRegistry properties) {
    properties.add("flotilla.menu.upstream-url", () -> "http://localhost:" + closedPort());
  }

  @LocalServerPort int port;

  @Test
  void aRefusedConnectionIsABadGatewayAndThenTheBreakerOpens() {
    Http relay = Http.port(port);

    for (int i = 0; i < 3; i++) {
      Http.Answer refused = relay.get("/restaurant?attempt=" + i);
      assertThat(refused.status()).isEqualTo(502);
      assertThat(refused.body()).contains("The lunch-menu API cannot be reached");
    }
    Http.Answer open = relay.get("/restaurant?attempt=4");

    assertThat(open.status()).isEqualTo(503);
    assertThat(open.header("Retry-After")).isEqualTo("30");
    assertThat(open.body())
        .contains(
            "\"detail\":\"The lunch-menu API failed too often; the relay has stopped calling it"
                + " for a while.\"");
    assertThat(relay.get("/actuator/prometheus").body())
        .contains(
            "menu_upstream_calls_seconds_count{application=\"menu\",outcome=\"circuit_open\"} 1")
        .contains(
            "menu_upstream_calls_seconds_count{application=\"menu\",outcome=\"unreachable\"} 3");
  }

  /** A port that was free a moment ago: nothing listens on it. */
  static int closedPort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
