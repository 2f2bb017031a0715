package io.flotilla.menu;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.flotilla.testsupport.Http;
import io.flotilla.testsupport.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The relay in front of the real sample upstream, over real HTTP. Each test asks for its own path
 * (a query string the upstream ignores), so that no test finds another's copy in the cache.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    // Failures in these tests must not open the breaker for the next ones: BreakerTest covers it.
    properties = "flotilla.menu.breaker.minimum-calls=1000")
@Import(TestClock.Config.class)
class RelayTest {

  static final SampleUpstream lunch = SampleUpstream.start();

  @DynamicPropertySource
  static void upstream(DynamicPropertyRegistry properties) {
    properties.add("flotilla.menu.upstream-url", () -> lunch.url);
  }

  @AfterAll
  static void stopUpstream() {
    lunch.close();
  }

  @LocalServerPort int port;
  @Autowired TestClock clock;

  Http relay;
  String dufva;

  @BeforeEach
  void connect(TestInfo test) {
    relay = Http.port(port);
    dufva = "/restaurant/dufva?test=" + test.getTestMethod().orElseThrow().getName();
  }

  @AfterEach
  void noFaults() {
    lunch.noFaults();
  }

  @Test
  void theUpstreamBodyIsPassedThroughByteForByte() {
    Http.Answer direct = lunch.http.get("/api" + dufva);

    Http.Answer relayed = relay.get(dufva);

    assertThat(relayed.status()).isEqualTo(200);
    assertThat(relayed.bytes()).isEqualTo(direct.bytes());
    assertThat(relayed.header("Content-Type")).isEqualTo("application/json");
    assertThat(relayed.header("X-Cache")).isEqualTo("MISS");
    assertThat(relayed.header("Age")).isEqualTo("0");
    // With Age, a shared cache in front keeps it exactly as long as the relay does.
    assertThat(relayed.header("Cache-Control")).isEqualTo("max-age=10, public");
  }

  @Test
  void theRestaurantListIsRelayedToo() {
    Http.Answer list = relay.get("/restaurant");

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body())
        .startsWith("{\"restaurants\":[{")
        .contains("\"identifier\":\"tallrik\"");
  }

  @Test
  void aRepeatedRequestIsAHitWithItsAgeAndNoUpstreamCall() {
    Http.Answer first = relay.get(dufva);
    long calls = lunch.calls();
    clock.advance(Duration.ofSeconds(7));

    Http.Answer second = relay.get(dufva);

    assertThat(second.header("X-Cache")).isEqualTo("HIT");
    assertThat(second.header("Age")).isEqualTo("7");
    assertThat(second.header("Cache-Control")).isEqualTo("max-age=10, public");
    assertThat(second.bytes()).isEqualTo(first.bytes());
    assertThat(lunch.calls()).isEqualTo(calls);
  }

  @Test
  void afterTheTtlTheUpstreamIsCalledAgain() {
    relay.get(dufva);
    long calls = lunch.calls();
    clock.advance(Duration.ofSeconds(10));

    Http.Answer expired = relay.get(dufva);

    assertThat(expired.header("X-Cache")).isEqualTo("MISS");
    assertThat(expired.header("Age")).isEqualTo("0");
    assertThat(lunch.calls()).isEqualTo(calls + 1);
  }

  @Test
  void theQueryStringIsPartOfTheCacheKey() {
    relay.get(dufva + "&page=1");

    assertThat(relay.get(dufva + "&page=2").header("X-Cache")).isEqualTo("MISS");
    assertThat(relay.get(dufva + "&page=1").header("X-Cache")).isEqualTo("HIT");
  }

  @Test
  void aHundredConcurrentRequestsAfterExpiryMakeOneUpstreamCall() throws Exception {
    relay.get(dufva);
    clock.advance(Duration.ofSeconds(11));
    // A slow upstream, so that the requests pile up while the one call is under way.
    lunch.faults("{\"delay\":\"300ms\",\"errorRate\":0.0,\"outage\":false}");
    long calls = lunch.calls();

    List<Http.Answer> answers = Concurrently.get(100, i -> () -> relay.get(dufva));

    assertThat(answers).extracting(Http.Answer::status).containsOnly(200);
    assertThat(lunch.calls()).isEqualTo(calls + 1);
  }

  @Test
  void theLastGoodCopyStandsInForAFailingUpstreamUntilTheStaleLimit() {
    Http.Answer good = relay.get(dufva);
    clock.advance(Duration.ofSeconds(30));
    lunch.faults("{\"delay\":\"0s\",\"errorRate\":0.0,\"outage\":true}");

    Http.Answer stale = relay.get(dufva);

    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.header("X-Cache")).isEqualTo("STALE");
    assertThat(stale.header("Age")).isEqualTo("30");
    assertThat(stale.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(stale.bytes()).isEqualTo(good.bytes());

    clock.advance(Duration.ofMinutes(10));
    Http.Answer tooOld = relay.get(dufva);

    assertThat(tooOld.status()).isEqualTo(502);
    assertThat(tooOld.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(tooOld.body())
        .isEqualTo(
            "{\"detail\":\"The lunch-menu API answered 503.\",\"instance\":\""
                + dufva.substring(0, dufva.indexOf('?'))
                + "\",\"status\":502,\"title\":\"Bad Gateway\"}");
  }

  @Test
  void aFailingUpstreamWithNoCopyIsABadGateway() {
    lunch.faults("{\"delay\":\"0s\",\"errorRate\":0.0,\"outage\":true}");

    Http.Answer failed = relay.get(dufva);

    assertThat(failed.status()).isEqualTo(502);
    assertThat(failed.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(failed.body()).contains("\"detail\":\"The lunch-menu API answered 503.\"");
  }

  @Test
  void anUnknownRestaurantIsANotFoundProblemAndIsCachedToo() {
    Http.Answer unknown = relay.get("/restaurant/nowhere");
    long calls = lunch.calls();

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(unknown.body())
        .isEqualTo(
            "{\"detail\":\"The lunch-menu API has nothing at /api/restaurant/nowhere.\","
                + "\"instance\":\"/restaurant/nowhere\",\"status\":404,\"title\":\"Not Found\"}");
    assertThat(relay.get("/restaurant/nowhere").header("X-Cache")).isEqualTo("HIT");
    assertThat(lunch.calls()).isEqualTo(calls);
  }

  @Test
  void theRootIsNotRelayed() {
    Http.Answer root = relay.get("/");

    assertThat(root.status()).isEqualTo(404);
    assertThat(root.body()).contains("Nothing is relayed at /.");
  }

  @Test
  void healthIsTheServicesOwnAndNotRelayed() {
    Http.Answer health = relay.get("/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void otherMethodsAreRefused() {
    assertThat(relay.put("/restaurant", "{}").status()).isEqualTo(405);
  }

  @Test
  void cacheResultsAreCounted() {
    relay.get(dufva);
    relay.get(dufva);
    // The relay's own cache answers (the system's HTTP cache is the gateway's).
    Http.Answer pastTheFrontDoor = relay.as("anyone").get(dufva);

    String scrape = relay.get("/actuator/prometheus").body();

    assertThat(pastTheFrontDoor.header("X-Cache")).isEqualTo("HIT");
    assertThat(scrape)
        .containsPattern("menu_cache_requests_total\\{.*result=\"hit\".*} [1-9]")
        .containsPattern("menu_cache_requests_total\\{.*result=\"miss\".*} [1-9]")
        .contains("menu_upstream_calls_seconds_count{application=\"menu\",outcome=\"success\"")
        .contains("resilience4j_circuitbreaker_state{");
  }

  @Test
  void theOpenApiDocumentDescribesTheRestaurantPathsWithARelativeServer() {
    Http.Answer document = relay.get("/v3/api-docs");

    assertThat(document.status()).isEqualTo(200);
    assertThat(JsonPath.<Map<String, Object>>read(document.body(), "$.paths").keySet())
        .containsExactlyInAnyOrder("/restaurant", "/restaurant/{identifier}");
    assertThat(JsonPath.<String>read(document.body(), "$.servers[0].url")).isEqualTo("/");
    assertThat(JsonPath.<String>read(document.body(), "$.info.title")).isEqualTo("Flotilla menu");
  }
}
