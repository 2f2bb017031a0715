package io.flotilla.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Probes slower than their deadline: the rows show UNKNOWN, and the probes are stopped. */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"flotilla.hardware.probe.delay=30s", "flotilla.hardware.probe.deadline=200ms"})
@ActiveProfiles("test")
@Import(RecordingProbe.Config.class)
class DeadlineTest {

  @LocalServerPort int port;

  @Autowired RecordingProbe probe;

  @Test
  void rowsPastTheDeadlineAreUnknownAndProbedAgainNextTime() {
    var http = Http.port(port);

    assertThat(http.get("/hardware/"))
        .isEqualTo(
            Http.Answer.json(
                200,
                "[{\"availability\":\"UNKNOWN\",\"name\":\"c5\",\"provider\":\"Amazon\",\"id\":1},"
                    + "{\"availability\":\"UNKNOWN\",\"name\":\"H16mr\",\"provider\":\"Azure\",\"id\":2}]"));
    // Interrupted at the deadline rather than left sleeping for 30 s.
    await().untilAsserted(() -> assertThat(probe.interrupted()).isEqualTo(2));

    // UNKNOWN is not kept: the next request asks again.
    assertThat(http.get("/hardware/1").body()).contains("\"availability\":\"UNKNOWN\"");
    assertThat(probe.checksOf(1)).isEqualTo(2);
    assertThat(
            http.get("/actuator/prometheus")
                .body()
                .lines()
                .filter(line -> line.startsWith("hardware_probe_seconds_count{"))
                .filter(line -> line.contains("outcome=\"timeout\"")))
        .singleElement()
        .asString()
        .endsWith(" 3");
  }
}
