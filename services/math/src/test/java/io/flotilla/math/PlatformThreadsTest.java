package io.flotilla.math;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With the platform's virtual threads switched off, computations still run off Netty's event loop
 * (the calculator refuses to wait on one, which would be a 500 here).
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.threads.virtual.enabled=false")
class PlatformThreadsTest {

  @LocalServerPort int port;

  @Test
  void aComputationIsAnsweredWithoutTheVirtualThreadsSetting() {
    var http = new Http(port);

    assertThat(http.get("/factorial?n=30").status()).isEqualTo(200);
    assertThat(http.get("/fibonacci/31/").body()).isEqualTo("{\"response\":\"1346269\"}");
  }
}
