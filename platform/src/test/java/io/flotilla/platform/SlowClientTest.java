package io.flotilla.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.platform.sample.SampleApplication;
import io.flotilla.testsupport.SlowClient;
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
    byte[] rest = SlowClient.sendHalfAHeadAndWait(port, "/hello");

    assertThat(new String(rest, StandardCharsets.US_ASCII)).doesNotContain("200");
  }
}
