package io.flotilla.menu;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A shared cache that cannot be reached costs the relay its sharing, never an answer. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RedisDownTest {

  static final SampleUpstream lunch = SampleUpstream.start();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry properties) {
    properties.add("flotilla.menu.upstream-url", () -> lunch.url);
    properties.add(
        "flotilla.menu.redis-url",
        () -> "redis://localhost:" + UnreachableUpstreamTest.closedPort());
  }

  @AfterAll
  static void stopUpstream() {
    lunch.close();
  }

  @LocalServerPort int port;

  @Test
  void theRelayStartsAndAnswersFromItsOwnCache() {
    Http relay = Http.port(port);

    Http.Answer first = relay.get("/restaurant/jorpes");
    Http.Answer second = relay.get("/restaurant/jorpes");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("X-Cache")).isEqualTo("MISS");
    assertThat(second.header("X-Cache")).isEqualTo("HIT");
    assertThat(relay.get("/actuator/prometheus").body())
        .containsPattern("menu_shared_errors_total\\{application=\"menu\"} [1-9]");
  }
}
