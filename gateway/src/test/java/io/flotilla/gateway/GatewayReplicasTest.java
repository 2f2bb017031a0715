package io.flotilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service with two instances: requests take turns over them, and a replica that is gone is
 * skipped for GETs (retried on the other one) but never for writes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayReplicasTest {

  static final StandInMath mathOne = StandInMath.start();
  static final StandInMath mathTwo = StandInMath.start();
  static final StandInMath portalAlive = StandInMath.start();
  static final StandInMath portalGone = stopped(StandInMath.start());

  @DynamicPropertySource
  static void twoInstancesEach(DynamicPropertyRegistry registry) {
    String math = "spring.cloud.discovery.client.simple.instances.math";
    registry.add(math + "[0].uri", mathOne::url);
    registry.add(math + "[1].uri", mathTwo::url);
    String portal = "spring.cloud.discovery.client.simple.instances.portal";
    registry.add(portal + "[0].uri", portalGone::url);
    registry.add(portal + "[1].uri", portalAlive::url);
  }

  @AfterAll
  static void stopTheStandIns() {
    mathOne.close();
    mathTwo.close();
    portalAlive.close();
  }

  @Autowired WebTestClient client;

  @Test
  void requestsTakeTurnsOverTheReplicas() {
    for (int i = 0; i < 6; i++) {
      client.get().uri("/ping").exchange().expectStatus().isOk();
    }

    assertThat(mathOne.drainReceived()).hasSize(3);
    assertThat(mathTwo.drainReceived()).hasSize(3);
  }

  @Test
  void getsSkipAReplicaThatIsGone() {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      statuses.add(
          client.get().uri("/portal/").exchange().returnResult(String.class).getStatus().value());
    }

    assertThat(statuses).containsOnly(200);
    assertThat(portalAlive.drainReceived()).hasSize(6);
  }

  @Test
  void writesAreNeverSentTwice() {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      statuses.add(
          client.post().uri("/portal/").exchange().returnResult(String.class).getStatus().value());
    }

    // Turns alternate: one write went to the replica that is gone and was not retried.
    assertThat(statuses).containsExactlyInAnyOrder(503, 200);
    assertThat(portalAlive.drainReceived()).singleElement();
  }

  private static StandInMath stopped(StandInMath standIn) {
    standIn.close();
    return standIn;
  }
}
