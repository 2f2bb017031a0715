package io.flotilla.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.platform.sample.SampleApplication;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Health, probes, metrics and info that a servlet service gets from the platform alone. */
@SpringBootTest(
    classes = SampleApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.application.name=sample")
@AutoConfigureRestTestClient
class ServletOperationsTest {

  @Autowired RestTestClient client;

  @Test
  void healthAnswersTheOverallStatusAlone() {
    client
        .get()
        .uri("/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json("{\"status\":\"UP\"}", JsonCompareMode.STRICT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/actuator/health/liveness", "/actuator/health/readiness", "/livez", "/readyz"})
  void probesAnswerUp(String path) {
    client
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
  }

  @Test
  void prometheusScrapeHasRequestTimingsTaggedWithTheApplication() {
    client.get().uri("/hello").exchange().expectStatus().isOk();

    // The timer of a request is stopped after its answer went out: wait for it to show.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> {
          String scrape = scrape();
          assertThat(scrape)
              .containsPattern(
                  "http_server_requests_seconds_count\\{application=\"sample\",[^}]*"
                      + "uri=\"/hello\"[^}]*} 1(\\.0)?\\n")
              // percentiles-histogram default: buckets, so Prometheus can compute quantiles.
              .contains("http_server_requests_seconds_bucket{application=\"sample\"");
        });
  }

  @Test
  void infoShowsTheJavaAndOsItIsRunningOn() {
    client
        .get()
        .uri("/actuator/info")
        .accept(MediaType.APPLICATION_JSON)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.java.version")
        .isEqualTo(System.getProperty("java.version"))
        .jsonPath("$.os.name")
        .isEqualTo(System.getProperty("os.name"));
  }

  private String scrape() {
    byte[] body =
        client
            .get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
            .expectBody()
            .returnResult()
            .getResponseBody();
    return new String(body, StandardCharsets.UTF_8);
  }
}
