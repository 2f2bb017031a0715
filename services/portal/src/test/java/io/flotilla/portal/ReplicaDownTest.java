package io.flotilla.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Two hardware replicas, one of them stopped: every page is still served, by the other. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReplicaDownTest {

  static final String down = StandInHardware.downUrl();
  static final StandInHardware up = StandInHardware.start();

  @DynamicPropertySource
  static void hardware(DynamicPropertyRegistry registry) {
    registry.add("flotilla.portal.hardware-urls", () -> down + "," + up.url());
  }

  @AfterAll
  static void stop() {
    up.close();
  }

  @LocalServerPort int port;

  @Test
  void everyPageIsServedByTheReplicaThatIsUp() {
    Http http = Http.port(port).header("Accept", "text/html");
    int hitsBefore = up.hits();
    double refusedBefore = StandInHardware.calls(http, down, "unreachable");

    for (int i = 0; i < 6; i++) {
      Http.Answer page = http.get("/");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("<li>Azure - H16mr: LOW</li>");
    }

    assertThat(up.hits() - hitsBefore).isEqualTo(6);
    assertThat(StandInHardware.calls(http, down, "unreachable"))
        .as("the stopped replica is tried once, then comes last while it cools down")
        .isEqualTo(refusedBefore + 1);
  }
}
