package io.flotilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client that sends half of its request headers and then nothing is disconnected by the gateway
 * once the idle timeout has passed (a second here; 30 s by default).
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "server.netty.idle-timeout=1s")
class GatewaySlowClientTest {

  @LocalServerPort int port;

  @Test
  void aRequestThatStopsHalfWayThroughItsHeadersIsDisconnected() throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      // Far longer than the timeout: a gateway that never closes fails the read, not the clock.
      socket.setSoTimeout(60_000);
      socket
          .getOutputStream()
          .write(
              "GET /factorial?n=5 HTTP/1.1\r\nHost: localhost\r\nAccept: te"
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      InputStream in = socket.getInputStream();
      byte[] rest = in.readAllBytes(); // until the gateway closes the connection

      assertThat(rest).isEmpty();
    }
  }
}
