package io.flotilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.SlowClient;
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
    byte[] rest = SlowClient.sendHalfAHeadAndWait(port, "/factorial?n=5");

    assertThat(rest).isEmpty();
  }
}
