package io.flotilla.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every hardware replica stopped: a 503 page that says so, in words, with no stack trace. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HardwareDownTest {

  static final String down = StandInHardware.downUrl();
  static final String alsoDown = StandInHardware.downUrl();

  @DynamicPropertySource
  static void hardware(DynamicPropertyRegistry registry) {
    registry.add("flotilla.portal.hardware-urls", () -> down + "," + alsoDown);
  }

  @LocalServerPort int port;

  @Test
  void thePageIsA503SayingHardwareIsUnavailable() {
    Http.Answer page = Http.port(port).header("Accept", "text/html").get("/");

    assertThat(page.status()).isEqualTo(503);
    MediaType type = MediaType.parseMediaType(page.contentType());
    assertThat(type.isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(type.getCharset()).hasToString("UTF-8");
    assertThat(page.body())
        .startsWith("<!DOCTYPE html>")
        .contains("<title>Flotilla hardware</title>")
        .contains("The hardware service is unavailable right now.")
        .doesNotContain("Exception")
        .doesNotContain("localhost")
        .doesNotContain("<li>");
  }

  @Test
  void bothReplicasWereTriedOnce() {
    Http http = Http.port(port).header("Accept", "text/html");
    double first = StandInHardware.calls(http, down, "unreachable");
    double second = StandInHardware.calls(http, alsoDown, "unreachable");

    assertThat(http.get("/").status()).isEqualTo(503);

    assertThat(StandInHardware.calls(http, down, "unreachable")).isEqualTo(first + 1);
    assertThat(StandInHardware.calls(http, alsoDown, "unreachable")).isEqualTo(second + 1);
  }

  @Test
  void healthStaysUpSoThePortalKeepsServingItsPage() {
    Http.Answer health = Http.port(port).header("Accept", "application/json").get("/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
  }
}
