package io.flotilla.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Two healthy hardware replicas (the seed's {@code --scale hardware=2}): pages take turns. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReplicasTest {

  static final StandInHardware first = StandInHardware.start();
  static final StandInHardware second = StandInHardware.start();

  @DynamicPropertySource
  static void hardware(DynamicPropertyRegistry registry) {
    registry.add("flotilla.portal.hardware-urls", () -> first.url() + "," + second.url());
  }

  @AfterAll
  static void stop() {
    first.close();
    second.close();
  }

  @LocalServerPort int port;

  @Test
  void pagesAlternateBetweenTheReplicas() {
    Http http = Http.port(port).header("Accept", "text/html");
    List<String> servedBy = new ArrayList<>();

    for (int i = 0; i < 6; i++) {
      int firstBefore = first.hits();
      int secondBefore = second.hits();
      Http.Answer page = http.get("/");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("<li>Amazon - c5: HIGH</li>");
      assertThat((first.hits() - firstBefore) + (second.hits() - secondBefore))
          .as("one hardware call per page")
          .isEqualTo(1);
      servedBy.add(first.hits() > firstBefore ? "first" : "second");
    }

    for (int i = 1; i < servedBy.size(); i++) {
      assertThat(servedBy.get(i)).as("page %d", i).isNotEqualTo(servedBy.get(i - 1));
    }
  }

  @Test
  void eachReplicasCallsAreCountedUnderItsOwnTag() {
    Http http = Http.port(port).header("Accept", "text/html");
    double firstBefore = StandInHardware.calls(http, first.url(), "success");
    double secondBefore = StandInHardware.calls(http, second.url(), "success");

    for (int i = 0; i < 4; i++) {
      assertThat(http.get("/").status()).isEqualTo(200);
    }

    assertThat(StandInHardware.calls(http, first.url(), "success")).isEqualTo(firstBefore + 2);
    assertThat(StandInHardware.calls(http, second.url(), "success")).isEqualTo(secondBefore + 2);
  }
}
