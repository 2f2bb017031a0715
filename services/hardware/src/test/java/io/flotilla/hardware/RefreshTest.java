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

/** An answer older than the TTL is served at once and re-checked in the background. */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"flotilla.hardware.probe.delay=100ms", "flotilla.hardware.probe.ttl=2s"})
@ActiveProfiles("test")
@Import(RecordingProbe.Config.class)
class RefreshTest {

  private static final String ALL_HIGH =
      "[{\"availability\":\"HIGH\",\"name\":\"c5\",\"provider\":\"Amazon\",\"id\":1},"
          + "{\"availability\":\"HIGH\",\"name\":\"H16mr\",\"provider\":\"Azure\",\"id\":2}]";
  private static final String ALL_LOW = ALL_HIGH.replace("HIGH", "LOW");

  @LocalServerPort int port;

  @Autowired RecordingProbe probe;

  @Test
  void aStaleAnswerIsServedWhileItIsRecheckedInTheBackground() throws InterruptedException {
    var http = Http.port(port);
    probe.answer(Availability.HIGH);
    assertThat(http.get("/hardware/").body()).isEqualTo(ALL_HIGH);
    probe.answer(Availability.LOW);

    // Let the answers go stale (sleep never returns early, so they are older than the TTL).
    Thread.sleep(2100);

    // The request that finds them stale gets them as they were; the re-check starts after it.
    assertThat(http.get("/hardware/").body()).isEqualTo(ALL_HIGH);
    await().untilAsserted(() -> assertThat(http.get("/hardware/").body()).isEqualTo(ALL_LOW));
    assertThat(probe.checksOf(1)).isEqualTo(2);
    assertThat(probe.checksOf(2)).isEqualTo(2);
  }
}
