package io.flotilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The portal is public at /portal/, served from the portal service's own root. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayPortalRouteTest {

  static final StandInMath portal = StandInMath.start();

  @DynamicPropertySource
  static void routeToTheStandIn(DynamicPropertyRegistry registry) {
    registry.add("flotilla.services.portal", portal::url);
  }

  @AfterAll
  static void stopTheStandIn() {
    portal.close();
  }

  @Autowired WebTestClient client;

  @Test
  void portalPageIsServedUnderPortalWithThePrefixStripped() {
    client
        .get()
        .uri("/portal/")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo("<p>portal</p>");

    assertThat(portal.drainReceived()).extracting(StandInMath.Received::path).containsExactly("/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/portal/actuator/info", "/portal/actuator/prometheus", "/portal/health"})
  void onlyThePageIsPublicNotThePortalsOperationsEndpoints(String path) {
    client.get().uri(path).exchange().expectStatus().isNotFound();

    assertThat(portal.drainReceived()).isEmpty();
  }

  @Test
  void portalWithoutItsSlashIsRedirectedSoThatRelativeLinksWork() {
    client
        .get()
        .uri("/portal")
        .exchange()
        .expectStatus()
        .isEqualTo(301)
        .expectHeader()
        .location("/portal/");
  }
}
