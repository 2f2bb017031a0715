package io.flotilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** /restaurant and /restaurant/** go to the menu relay, path and query as the client sent them. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayMenuRouteTest {

  static final StandInMath menu = StandInMath.start();

  @DynamicPropertySource
  static void routeToTheStandIn(DynamicPropertyRegistry registry) {
    registry.add("flotilla.services.menu", menu::url);
  }

  @AfterAll
  static void stopTheStandIn() {
    menu.close();
  }

  @Autowired WebTestClient client;

  @ParameterizedTest
  @ValueSource(strings = {"/restaurant", "/restaurant/dufva", "/restaurant/dufva?lang=sv%20SE"})
  void restaurantPathsReachTheRelayUnchanged(String path) {
    // Not a template, which would encode the % of the query once more.
    client.get().uri(base -> URI.create(base.build() + path)).exchange();

    assertThat(menu.drainReceived())
        .singleElement()
        .satisfies(received ->
            assertThat(
                    received.query() == null
                        ? received.path()
                        : received.path() + "?" + received.query())
                .isEqualTo(path));
  }

  @Test
  void otherPathsDoNotReachTheRelay() {
    client.get().uri("/restaurants").exchange().expectStatus().isNotFound();
    client.get().uri("/api/restaurant").exchange().expectStatus().isNotFound();

    assertThat(menu.drainReceived()).isEmpty();
  }
}
