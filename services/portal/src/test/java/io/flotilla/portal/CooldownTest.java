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

/** A replica that just hung is tried after the healthy one until its cooldown is over. */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"flotilla.portal.read-timeout=300ms", "flotilla.portal.replica-cooldown=1h"})
class CooldownTest {

  static final StandInHardware hanging = StandInHardware.start().hanging();
  static final StandInHardware healthy = StandInHardware.start();

  @DynamicPropertySource
  static void hardware(DynamicPropertyRegistry registry) {
    registry.add("flotilla.portal.hardware-urls", () -> hanging.url() + "," + healthy.url());
  }

  @AfterAll
  static void stop() {
    hanging.close();
    healthy.close();
  }

  @LocalServerPort int port;

  @Test
  void aHangingReplicaCostsOneTimeoutNotOnePerTurn() {
    healthy.answering(200, StandInHardware.SEED_ROWS);
    Http http = Http.port(port).header("Accept", "text/html");

    for (int i = 0; i < 6; i++) {
      Http.Answer page = http.get("/");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("<li>Amazon - c5: HIGH</li>");
    }

    // Without the cooldown the hanging replica would have had three of the six turns.
    assertThat(StandInHardware.calls(http, hanging.url(), "timeout")).isEqualTo(1);
    assertThat(healthy.hits()).isEqualTo(6);
  }
}
