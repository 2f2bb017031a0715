package io.flotilla.gateway.httpcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.gateway.httpcache.StandInOrigin.Answer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway keeps what a service marks as shareable, over real HTTP from a stand-in service on
 * the math route: when it answers from memory, what it never keeps, what always goes through.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "flotilla.http-cache.max-entry-size=4KB")
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class GatewayHttpCacheTest {

  static final StandInOrigin math = new StandInOrigin();

  /** Each test asks for its own n, so that what one keeps does not answer another. */
  static final AtomicInteger n = new AtomicInteger();

  @DynamicPropertySource
  static void routeToTheStandIn(DynamicPropertyRegistry registry) {
    registry.add("flotilla.services.math", math::url);
  }

  @AfterAll
  static void stopTheStandIn() {
    math.close();
  }

  @Autowired WebTestClient client;
  @Autowired MeterRegistry registry;

  static String path(Map<String, String> headers) {
    return path(200, headers, "{\"answer\":#}");
  }

  static String path(int status, Map<String, String> headers, String body) {
    String path = "/factorial?n=" + n.incrementAndGet();
    math.answer(path, new Answer(status, headers, body));
    return path;
  }

  EntityExchangeResult<String> get(String path) {
    return client.get().uri(path).exchange().expectBody(String.class).returnResult();
  }

  @Test
  void aShareableAnswerIsAnsweredByTheGatewayWithItsAge() {
    String path = path(Map.of("Cache-Control", "public, max-age=60"));

    var first = get(path);
    var second = get(path);

    assertThat(math.requests(path)).isOne();
    assertThat(first.getResponseHeaders().getFirst("Cache-Status"))
        .isEqualTo("flotilla-gateway; fwd=miss");
    assertThat(second.getResponseBody()).isEqualTo("{\"answer\":1}");
    var headers = second.getResponseHeaders();
    assertThat(headers.getContentType()).hasToString("application/json");
    assertThat(headers.getContentLength()).isEqualTo(12);
    assertThat(headers.getCacheControl()).isEqualTo("public, max-age=60");
    assertThat(headers.getFirst("X-Cache")).isEqualTo("HIT");
    assertThat(headers.getFirst("Age")).isIn("0", "1");
    assertThat(headers.getFirst("Cache-Status")).matches("flotilla-gateway; hit; ttl=(59|60)");
    assertThat(headers.getFirst("X-Request-Id")).isNotBlank();
  }

  @Test
  void aHitReturnsTheRequestIdItWasGiven() {
    String path = path(Map.of("Cache-Control", "max-age=60"));
    get(path);

    client
        .get()
        .uri(path)
        .header("X-Request-Id", "order-42")
        .exchange()
        .expectHeader()
        .valueEquals("X-Request-Id", "order-42")
        .expectHeader()
        .valueEquals("X-Cache", "HIT");
  }

  @Test
  void sharedMaxAgeIsTheGatewaysLifetime() {
    String path = path(Map.of("Cache-Control", "public, max-age=0, s-maxage=60"));

    get(path);
    get(path);

    assertThat(math.requests(path)).isOne();
  }

  @Test
  void anAnswerIsKeptOnlyForWhatIsLeftOfItsMaxAge() {
    // The service's own cache has held it for 9 of its 10 seconds.
    String path = path(Map.of("Cache-Control", "public, max-age=10", "Age", "9"));

    assertThat(get(path).getResponseBody()).isEqualTo("{\"answer\":1}");
    assertThat(get(path).getResponseHeaders().getFirst("Age")).isIn("9", "10");

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> get(path).getResponseBody().equals("{\"answer\":2}"));
  }

  @Test
  void anAnswerWhoseTimeIsAlreadyUpIsNotKept() {
    String path = path(Map.of("Cache-Control", "public, max-age=10", "Age", "10"));

    get(path);
    get(path);

    assertThat(math.requests(path)).isEqualTo(2);
  }

  static Object[][] answersNotToKeep() {
    return new Object[][] {
      {200, Map.of()},
      {200, Map.of("Cache-Control", "private, max-age=60")},
      {200, Map.of("Cache-Control", "no-store")},
      {200, Map.of("Cache-Control", "no-cache, max-age=60")},
      {200, Map.of("Cache-Control", "max-age=soon")},
      {200, Map.of("Cache-Control", "public, max-age=60", "Set-Cookie", "session=1")},
      {200, Map.of("Cache-Control", "public, max-age=60", "Vary", "Accept-Language")},
      {400, Map.of("Cache-Control", "public, max-age=60")},
      {404, Map.of("Cache-Control", "public, max-age=60")}
    };
  }

  @ParameterizedTest
  @MethodSource("answersNotToKeep")
  void answersThatAreNotSharedForAWhileGoToTheServiceEveryTime(
      int status, Map<String, String> headers) {
    String path = path(status, headers, "{\"answer\":#}");

    get(path);
    var second = get(path);

    assertThat(math.requests(path)).isEqualTo(2);
    assertThat(second.getResponseBody()).isEqualTo("{\"answer\":2}");
    assertThat(second.getResponseHeaders().getFirst("X-Cache")).isNull();
  }

  @Test
  void requestsWithCredentialsOrAskingForAFreshAnswerGoToTheService() {
    String path = path(Map.of("Cache-Control", "public, max-age=60"));
    get(path);

    client
        .get()
        .uri(path)
        .header("Authorization", "Bearer x")
        .exchange()
        .expectBody(String.class)
        .isEqualTo("{\"answer\":2}");
    client
        .get()
        .uri(path)
        .header("Cache-Control", "no-cache")
        .exchange()
        .expectHeader()
        .valueEquals("Cache-Status", "flotilla-gateway; fwd=bypass")
        .expectBody(String.class)
        .isEqualTo("{\"answer\":3}");
    client.post().uri(path).exchange().expectBody(String.class).isEqualTo("{\"answer\":4}");

    // The copy kept first still answers everyone else.
    assertThat(get(path).getResponseBody()).isEqualTo("{\"answer\":1}");
    assertThat(math.requests(path)).isEqualTo(4);
  }

  @Test
  void theQueryIsPartOfWhatIsKept() {
    String one = path(Map.of("Cache-Control", "max-age=60"));
    String other = path(Map.of("Cache-Control", "max-age=60"));

    get(one);
    get(other);
    get(one);

    assertThat(math.requests(one)).isOne();
    assertThat(math.requests(other)).isOne();
  }

  @Test
  void aBodyLargerThanAnEntryIsPassedOnWholeAndNotKept() {
    String large = "{\"answer\":#,\"digits\":\"" + "7".repeat(5000) + "\"}";
    String path = path(200, Map.of("Cache-Control", "public, max-age=60"), large);

    assertThat(get(path).getResponseBody()).hasSize(large.length()).startsWith("{\"answer\":1,");
    assertThat(get(path).getResponseBody()).hasSize(large.length()).startsWith("{\"answer\":2,");
  }

  @Test
  void hitsMissesAndBypassesAreCounted() {
    double hits = count("hit");
    double misses = count("miss");
    double bypasses = count("bypass");
    String path = path(Map.of("Cache-Control", "public, max-age=60"));

    get(path);
    get(path);
    get(path);
    client.get().uri(path).header("Cache-Control", "no-cache").exchange();

    assertThat(count("hit") - hits).isEqualTo(2);
    assertThat(count("miss") - misses).isEqualTo(1);
    assertThat(count("bypass") - bypasses).isEqualTo(1);
    assertThat(registry.get("flotilla.http.cache.entries").gauge().value()).isPositive();
  }

  @Test
  void aHitIsARequestLikeAnyOtherInTheServerMetrics() {
    // A request is recorded once its exchange completes, which may be after the client has its
    // answer: each count is awaited, and taken before the first request, not between them.
    double before = serverRequests();
    String path = path(Map.of("Cache-Control", "public, max-age=60"));
    get(path);
    await().atMost(Duration.ofSeconds(10)).until(() -> serverRequests() >= before + 1);

    assertThat(get(path).getResponseHeaders().getFirst("X-Cache")).isEqualTo("HIT");

    await().atMost(Duration.ofSeconds(10)).until(() -> serverRequests() >= before + 2);
    assertThat(math.requests(path)).as("the upstream saw the miss only").isOne();
  }

  @Test
  void aHitIsWrittenToTheRequestLog(CapturedOutput output) {
    String path = path(Map.of("Cache-Control", "public, max-age=60"));

    get(path);
    assertThat(get(path).getResponseHeaders().getFirst("X-Cache")).isEqualTo("HIT");

    assertThat(math.requests(path)).isOne();
    assertThat(output.getOut().lines().filter(line -> line.contains("GET " + path + " 200 ")))
        .hasSize(2);
  }

  private double serverRequests() {
    return registry.find("http.server.requests").timers().stream()
        .mapToDouble(timer -> timer.count())
        .sum();
  }

  private double count(String result) {
    return registry.get("flotilla.http.cache.requests").tag("result", result).counter().count();
  }
}
