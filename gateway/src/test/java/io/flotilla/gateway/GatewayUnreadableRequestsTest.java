package io.flotilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What Reactor Netty refuses before Spring sees it is answered as problem+json, like every other
 * error; and a body that stops arriving is answered 408 after the idle timeout (a second here, 30 s
 * by default) instead of holding the connection, and the service's behind it, for ever.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "server.netty.idle-timeout=1s")
class GatewayUnreadableRequestsTest {

  static final StandInMath math = StandInMath.start();

  @DynamicPropertySource
  static void routeToTheStandIn(DynamicPropertyRegistry registry) {
    registry.add("flotilla.services.math", math::url);
  }

  @AfterAll
  static void stopTheStandIn() {
    math.close();
  }

  @LocalServerPort int port;

  @Test
  void aRequestLineOver8KbIsA414Problem() throws IOException {
    String answer =
        exchange("GET /factorial?n=" + "1".repeat(9_000) + " HTTP/1.1\r\nHost: a\r\n\r\n");

    assertThat(answer)
        .startsWith("HTTP/1.1 414 Request-URI Too Long\r\n")
        .containsIgnoringCase("content-type: application/problem+json\r\n")
        .containsIgnoringCase("x-content-type-options: nosniff\r\n")
        .endsWith(
            "\r\n\r\n{\"title\":\"Request-URI Too Long\",\"status\":414,\"detail\":\"The request"
                + " line is longer than this server takes: shorten the URL.\"}");
  }

  @Test
  void headersOver8KbAreA431Problem() throws IOException {
    String answer =
        exchange("GET /ping HTTP/1.1\r\nHost: a\r\nX-Filler: " + "f".repeat(9_000) + "\r\n\r\n");

    assertThat(answer)
        .startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n")
        .containsIgnoringCase("content-type: application/problem+json\r\n")
        .endsWith(
            "{\"title\":\"Request Header Fields Too Large\",\"status\":431,\"detail\":\"The request"
                + " headers are larger than this server takes.\"}");
  }

  @Test
  void conflictingContentLengthsAreA400ProblemAndReachNoService() throws IOException {
    math.drainReceived();

    String answer =
        exchange(
            "POST /ping HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}");

    assertThat(answer)
        .startsWith("HTTP/1.1 400 Bad Request\r\n")
        .containsIgnoringCase("content-type: application/problem+json\r\n")
        .contains("\"detail\":\"The request is not valid HTTP/1.1: ");
    assertThat(math.drainReceived()).isEmpty();
  }

  @Test
  void aBodyThatStopsArrivingIsA408Problem() throws IOException {
    String answer =
        exchange("POST /ping HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\n{\"half\":");

    assertThat(answer)
        .startsWith("HTTP/1.1 408 Request Timeout\r\n")
        .containsIgnoringCase("content-type: application/problem+json\r\n")
        .contains("\"detail\":\"The rest of the request did not arrive in time; ");
  }

  /** Writes these bytes, then reads until the server closes the connection. */
  private String exchange(String request) throws IOException {
    try (var socket = new Socket("localhost", port)) {
      // Far longer than the idle timeout: a server that never answers fails the read.
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
