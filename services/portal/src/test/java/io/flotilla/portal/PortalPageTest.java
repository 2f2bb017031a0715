package io.flotilla.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The page itself, over one stand-in hardware replica whose answer each test sets. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PortalPageTest {

  static final StandInHardware hardware = StandInHardware.start();

  @DynamicPropertySource
  static void hardware(DynamicPropertyRegistry registry) {
    registry.add("flotilla.portal.hardware-urls", hardware::url);
  }

  @AfterAll
  static void stop() {
    hardware.close();
  }

  @LocalServerPort int port;

  Http http;

  @BeforeEach
  void connect() {
    http = Http.port(port).header("Accept", "text/html");
    hardware.answering(200, StandInHardware.SEED_ROWS);
  }

  @Test
  void showsOneLinePerHardwareItemInTheSeedsFormAndOrder() {
    Http.Answer page = http.get("/");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .containsSubsequence("<li>Amazon - c5: HIGH</li>", "<li>Azure - H16mr: LOW</li>");
    assertThat(page.body().split("<li>", -1)).hasSize(3);
  }

  @Test
  void isAProperHtml5Document() {
    String body = http.get("/").body();

    assertThat(body)
        .startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
        .contains("<meta charset=\"utf-8\">")
        .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .contains("<title>Flotilla hardware</title>")
        .endsWith("</html>\n");
  }

  @Test
  void isHtmlInUtf8() {
    MediaType type = MediaType.parseMediaType(http.get("/").contentType());

    assertThat(type.isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(type.getCharset()).hasToString("UTF-8");
  }

  @Test
  void hardwareDataIsEscapedSoItShowsLiterally() {
    hardware.answering(
        200,
        """
        [{"availability":"HIGH</li><li>forged","name":"\\"><img src=x onerror=alert(2)>",\
        "provider":"<script>alert(1)</script>"}]\
        """);

    String body = http.get("/").body();

    assertThat(body)
        .contains(
            "<li>&lt;script&gt;alert(1)&lt;/script&gt; - &quot;&gt;&lt;img src=x"
                + " onerror=alert(2)&gt;: HIGH&lt;/li&gt;&lt;li&gt;forged</li>")
        .doesNotContain("<script")
        .doesNotContain("<img")
        .doesNotContain("<li>forged");
  }

  @Test
  void textOutsideAsciiComesThroughAsItIs() {
    hardware.answering(
        200, "[{\"availability\":\"MEDIUM\",\"name\":\"Zürich-7\",\"provider\":\"Ōkami\"}]");

    assertThat(http.get("/").body()).contains("<li>Ōkami - Zürich-7: MEDIUM</li>");
  }

  @Test
  void anEmptyListSaysThereIsNoHardwareYet() {
    hardware.answering(200, "[]");

    Http.Answer page = http.get("/");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("No hardware yet").doesNotContain("<li>");
  }

  @Test
  void aMissingAvailabilityShowsAsUnknown() {
    hardware.answering(200, "[{\"name\":\"c5\",\"provider\":\"Amazon\"}]");

    assertThat(http.get("/").body()).contains("<li>Amazon - c5: UNKNOWN</li>");
  }

  @Test
  void linksAreRelativeSoThePageWorksBehindTheGatewaysPrefix() {
    Http.Answer page = http.header("X-Forwarded-Prefix", "/portal").get("/");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("<li>Amazon - c5: HIGH</li>")
        .contains("href=\"./\"")
        .doesNotContainPattern("(href|src|action)=\"/");
  }

  @Test
  void theRequestIdIsPassedOnToHardware() {
    http.header("X-Request-Id", "portal-page-test-42").get("/");

    assertThat(hardware.requestIds()).endsWith("portal-page-test-42");
  }

  @Test
  void hardwareCallsAreCountedByReplicaAndOutcome() {
    double before = StandInHardware.calls(http, hardware.url(), "success");

    http.get("/");
    http.get("/");

    assertThat(StandInHardware.calls(http, hardware.url(), "success")).isEqualTo(before + 2);
  }

  @Test
  void anAnswerThatIsNotTheHardwareListIsAFailureNotAPage() {
    hardware.answering(200, "<html>not json</html>");
    double before = StandInHardware.calls(http, hardware.url(), "bad_response");

    Http.Answer page = http.get("/");

    assertThat(page.status()).isEqualTo(503);
    assertThat(page.body()).contains("hardware service is unavailable").doesNotContain("not json");
    assertThat(StandInHardware.calls(http, hardware.url(), "bad_response")).isEqualTo(before + 1);
  }
}
