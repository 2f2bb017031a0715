package io.flotilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.gateway.StandInMath.Received;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway in front of a stand-in math service, over real HTTP on both sides. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class GatewayRoutingTest {

  static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  static final StandInMath math = StandInMath.start();

  @DynamicPropertySource
  static void routeToTheStandIn(DynamicPropertyRegistry registry) {
    registry.add("flotilla.services.math", math::url);
  }

  @AfterAll
  static void stopTheStandIn() {
    math.close();
  }

  @Autowired WebTestClient client;

  @LocalServerPort int port;

  @BeforeEach
  void forgetEarlierRequests() {
    math.drainReceived();
  }

  @Test
  void queryStyleRequestIsRoutedAndTheAnswerPassedThroughUnchanged() {
    client
        .get()
        .uri("/factorial?n=5")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType("application/json")
        .expectBody(String.class)
        .isEqualTo("{\"n\":5,\"factorial\":\"120\"}");

    assertThat(math.drainReceived())
        .singleElement()
        .satisfies(received -> {
          assertThat(received.path()).isEqualTo("/factorial");
          assertThat(received.query()).isEqualTo("n=5");
        });
  }

  @Test
  void serviceErrorIsPassedThroughUnchanged() {
    client
        .get()
        .uri("/factorial?n=-1")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType("application/json")
        .expectBody(String.class)
        .isEqualTo(StandInMath.ANSWERS.get("/factorial?n=-1").body());
  }

  @Test
  void pathStyleRequestIsRouted() {
    client
        .get()
        .uri("/fibonacci/10/")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo("{\"n\":10,\"fibonacci\":\"55\"}");

    assertThat(math.drainReceived()).extracting(Received::path).containsExactly("/fibonacci/10/");
  }

  @Test
  void pingIsRouted() {
    client
        .get()
        .uri("/ping")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType("text/plain;charset=UTF-8")
        .expectBody(String.class)
        .isEqualTo("pong");
  }

  @Test
  void clientRequestIdReachesTheServiceAndComesBackOnce() {
    client
        .get()
        .uri("/factorial?n=5")
        .header("X-Request-Id", "client-7")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .values("X-Request-Id", ids -> assertThat(ids).containsExactly("client-7"));

    assertThat(math.drainReceived())
        .singleElement()
        .extracting(Received::requestIds)
        .isEqualTo(List.of("client-7"));
  }

  @Test
  void withoutAClientIdTheGatewayMakesOneThatTheServiceSeesToo() {
    String returned =
        client
            .get()
            .uri("/factorial?n=5")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .values("X-Request-Id", ids -> assertThat(ids).singleElement().asString().matches(UUID))
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("X-Request-Id");

    assertThat(math.drainReceived())
        .singleElement()
        .extracting(Received::requestIds)
        .isEqualTo(List.of(returned));
  }

  @Test
  void unsafeClientIdIsReplacedBeforeItReachesTheService() {
    String returned =
        client
            .get()
            .uri("/factorial?n=5")
            .header("X-Request-Id", "x".repeat(200))
            .exchange()
            .expectHeader()
            .values("X-Request-Id", ids -> assertThat(ids).singleElement().asString().matches(UUID))
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("X-Request-Id");

    assertThat(math.drainReceived())
        .singleElement()
        .extracting(Received::requestIds)
        .isEqualTo(List.of(returned));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/hardware/", "/hardware", "/hardware/1/", "/no/such/path"})
  void pathOfNoPublicRouteIsA404ProblemAndReachesNoService(String path) {
    client
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .values("X-Request-Id", ids -> assertThat(ids).hasSize(1))
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(404)
        .jsonPath("$.detail")
        .isEqualTo("Nothing is served at " + path + " through the gateway.");

    assertThat(math.drainReceived()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/html", "application/xml", "*/*"})
  void theGatewaysOwnErrorsAreProblemJsonWhateverTheClientAccepts(String accept) {
    client
        .get()
        .uri("/no/such/path")
        .header("Accept", accept)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Nothing is served at /no/such/path through the gateway.");
  }

  @Test
  void routedRequestsAreCountedPerRoute() {
    client.get().uri("/ping").exchange().expectStatus().isOk();

    // Recorded once the exchange completes, which may be just after the client has its answer.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() ->
            assertThat(scrape())
                .containsPattern(
                    "spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"math\""));
  }

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

  @Test
  void eachRoutedRequestIsLoggedWithItsStatus(CapturedOutput output) {
    client.get().uri("/factorial?n=-1").exchange().expectStatus().isBadRequest();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() ->
            assertThat(output.getOut())
                .containsPattern(
                    "INFO .*flotilla\\.request\\s+: GET /factorial\\?n=-1 400 \\d+\\.\\d{2} ms"));
  }

  @Test
  void theRequestLineCarriesTheTraceIdThatTheServiceReceives(CapturedOutput output) {
    client.get().uri("/factorial?n=5").exchange().expectStatus().isOk();

    String traceparent = math.drainReceived().getFirst().traceparent();
    assertThat(traceparent)
        .as("W3C trace context sent on")
        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    String traceId = traceparent.split("-")[1];
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() ->
            assertThat(output.getOut())
                .containsPattern(
                    "\\["
                        + traceId
                        + "-[0-9a-f]{16}\\] flotilla\\.request\\s+: GET /factorial\\?n=5 200"));
  }

  private String scrape() {
    byte[] body =
        client
            .get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult()
            .getResponseBody();
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The whole answer to a request line that {@link java.net.URI} (and so every client) refuses. */
  private String rawGet(String target) throws IOException {
    try (var socket = new Socket("localhost", port)) {
      socket
          .getOutputStream()
          .write(
              ("GET " + target + " HTTP/1.0\r\nHost: localhost\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/factorial?n=%", "/factorial?n=<5>", "/fibonacci/%ZZ/"})
  void aTargetThatIsNoUriIsAProblemAnsweredByTheGatewayItself(String target) throws IOException {
    String answer = rawGet(target);

    assertThat(answer)
        .startsWith("HTTP/1.0 400")
        .containsIgnoringCase("Content-Type: application/problem+json")
        .containsIgnoringCase("X-Request-Id: ")
        .contains("\"detail\":\"The request target is not a valid URI: ");
    assertThat(math.drainReceived()).isEmpty();
  }

  @Test
  void aUriThatIsNotUtf8IsTheServicesToJudge() throws IOException {
    rawGet("/factorial?n=%FF");

    assertThat(math.drainReceived())
        .singleElement()
        .satisfies(received -> assertThat(received.query()).isEqualTo("n=%FF"));
  }
}
