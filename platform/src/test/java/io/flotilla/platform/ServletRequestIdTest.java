package io.flotilla.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.platform.sample.SampleApplication;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The request id every answer carries, and the one log line every request leaves. */
@SpringBootTest(
    classes = SampleApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.application.name=sample")
@AutoConfigureRestTestClient
@ExtendWith(OutputCaptureExtension.class)
class ServletRequestIdTest {

  static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Autowired RestTestClient client;

  static List<String> answeredPaths() {
    // A normal answer, the platform's own endpoints, and each kind of error.
    return List.of("/hello", "/health", "/actuator/prometheus", "/no/such/path", "/boom");
  }

  @ParameterizedTest
  @MethodSource("answeredPaths")
  void everyAnswerCarriesOneNewRequestIdWhenTheClientSentNone(String path) {
    client
        .get()
        .uri(path)
        .exchange()
        .expectHeader()
        .values("X-Request-Id", ids -> assertThat(ids).singleElement().asString().matches(UUID));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc-123",
        "trace.7:b_c",
        "0123456789012345678901234567890123456789012345678901234567890123"
      })
  void safeClientIdIsEchoed(String id) {
    client
        .get()
        .uri("/hello")
        .header("X-Request-Id", id)
        .exchange()
        .expectHeader()
        .values("X-Request-Id", ids -> assertThat(ids).containsExactly(id));
  }

  @ParameterizedTest
  @MethodSource("unsafeIds")
  void unsafeClientIdIsReplacedByANewOne(String id) {
    client
        .get()
        .uri("/hello")
        .header("X-Request-Id", id)
        .exchange()
        .expectHeader()
        .values("X-Request-Id", ids -> assertThat(ids).singleElement().asString().matches(UUID));
  }

  static List<String> unsafeIds() {
    return List.of(
        "two words",
        "tab\tinside",
        "forged%0d%0aINFO fake log line",
        "<script>",
        "x".repeat(65),
        "x".repeat(200));
  }

  @Test
  void eachRequestIsLoggedWithMethodTargetStatusAndDuration(CapturedOutput output) {
    client.get().uri("/hello?name=log-check").exchange().expectStatus().isOk();
    client.get().uri("/boom?name=log-check").exchange().expectStatus().isEqualTo(500);

    // Logged when the filter chain returns, which may be just after the client has its answer.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() ->
            assertThat(output.getOut())
                .containsPattern(logLine("GET /hello\\?name=log-check 200"))
                .containsPattern(logLine("GET /boom\\?name=log-check 500")));
  }

  @Test
  void probesAndScrapesAreNotLoggedAtInfo(CapturedOutput output) {
    client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    client.get().uri("/hello?name=after-probe").exchange().expectStatus().isOk();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() ->
            assertThat(output.getOut())
                .containsPattern(logLine("GET /hello\\?name=after-probe 200")));
    assertThat(output.getOut()).doesNotContain("GET /actuator/health/liveness");
  }

  @Test
  void anAnswerItsHandlerCallsRoutineIsNotLoggedAtInfo(CapturedOutput output) {
    client.get().uri("/idle-poll").exchange().expectStatus().isOk();
    client.get().uri("/hello?name=after-poll").exchange().expectStatus().isOk();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() ->
            assertThat(output.getOut())
                .containsPattern(logLine("GET /hello\\?name=after-poll 200")));
    assertThat(output.getOut()).doesNotContain("GET /idle-poll");
  }

  private static Pattern logLine(String methodTargetStatus) {
    return Pattern.compile(
        "INFO .*flotilla\\.request\\s+: " + methodTargetStatus + " \\d+\\.\\d{2} ms\\R");
  }
}
