package io.flotilla.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.platform.sample.SampleApplication;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client that sends half of its request headers and then nothing is disconnected by the server
 * once the connection timeout has passed (a second here; 30 s by default), rather than holding a
 * connection for ever.
 */
@SpringBootTest(
    classes = SampleApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "server.tomcat.connection-timeout=1s")
class SlowClientTest {

  @LocalServerPort int port;

  @Test
  void aRequestThatStopsHalfWayThroughItsHeadersIsDisconnected() throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      // Far longer than the timeout: a server that never closes fails the read, not the clock.
      socket.setSoTimeout(60_000);
      socket
          .getOutputStream()
          .write(
              "GET /hello HTTP/1.1\r\nHost: localhost\r\nAccept: te"
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      InputStream in = socket.getInputStream();
      byte[] rest = in.readAllBytes(); // until the server closes the connection

      assertThat(new String(rest, StandardCharsets.US_ASCII)).doesNotContain("200");
    }
  }
}
