package io.flotilla.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A replica that answers 500 or hangs is skipped for the next one; a short read timeout (300 ms)
 * keeps the hanging one from holding the page.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "flotilla.portal.read-timeout=300ms",
      // Every page tries the replicas strictly in turn here; CooldownTest covers the cooldown.
      "flotilla.portal.replica-cooldown=0s"
    })
class FailingReplicaTest {

  static final StandInHardware failing = StandInHardware.start();
  static final StandInHardware hanging = StandInHardware.start().hanging();
  static final StandInHardware healthy = StandInHardware.start();

  @DynamicPropertySource
  static void hardware(DynamicPropertyRegistry registry) {
    registry.add(
        "flotilla.portal.hardware-urls",
        () -> failing.url() + "," + hanging.url() + "," + healthy.url());
  }

  @AfterAll
  static void stop() {
    failing.close();
    hanging.close();
    healthy.close();
  }

  @LocalServerPort int port;

  Http http;

  @BeforeEach
  void connect() {
    http = Http.port(port).header("Accept", "text/html");
    failing.answering(500, "{\"error\":\"database down\"}");
    healthy.answering(200, StandInHardware.SEED_ROWS);
  }

  @Test
  void everyPageComesFromTheHealthyReplica() {
    double serverErrors = StandInHardware.calls(http, failing.url(), "server_error");
    double timeouts = StandInHardware.calls(http, hanging.url(), "timeout");
    int healthyBefore = healthy.hits();

    for (int i = 0; i < 3; i++) {
      Http.Answer page = http.get("/");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("<li>Amazon - c5: HIGH</li>");
    }

    assertThat(healthy.hits() - healthyBefore).isEqualTo(3);
    // Three pages start at each of the three replicas once; each tries replicas in order until
    // the healthy one: failing, hanging, healthy / hanging, healthy / healthy.
    assertThat(StandInHardware.calls(http, failing.url(), "server_error"))
        .isEqualTo(serverErrors + 1);
    assertThat(StandInHardware.calls(http, hanging.url(), "timeout")).isEqualTo(timeouts + 2);
  }

  @Test
  void whenTheLastHealthyReplicaFailsTooThePageSaysHardwareIsUnavailable() {
    healthy.answering(503, "{\"error\":\"starting\"}");

    Http.Answer page = http.get("/");

    assertThat(page.status()).isEqualTo(503);
    assertThat(page.body()).contains("hardware service is unavailable");
  }
}
