package io.flotilla.lunch;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import io.flotilla.testsupport.TestClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** The weekday is taken in {@code flotilla.lunch.zone}; see LunchApiTest for Stockholm's. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "flotilla.lunch.zone=UTC")
@Import(TestClock.Config.class)
class ZoneIsConfigurationTest {

  @LocalServerPort int port;

  @Autowired TestClock clock;

  @Test
  void sundayEveningInUtcIsStillSunday() {
    // Monday 00:30 in Stockholm, but Sunday 22:30 in the configured zone: no lunch.
    clock.set(Instant.parse("2026-06-07T22:30:00Z"));

    assertThat(Http.port(port).get("/api/restaurant/dufva").body())
        .contains("\"menu\":[],\"title\":\"Sven Dufva\"");
  }
}
