package io.flotilla.menu;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.Http;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the relay forwards, and what it answers when the upstream misbehaves and no copy can stand
 * in. Every test asks for a path of its own, so none is answered from another's copy.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "flotilla.menu.read-timeout=300ms",
      "flotilla.menu.max-body-size=1KB",
      "flotilla.menu.breaker.minimum-calls=1000"
    })
class UpstreamFailuresTest {

  static final StandInUpstream upstream = new StandInUpstream();

  @DynamicPropertySource
  static void upstream(DynamicPropertyRegistry properties) {
    properties.add("flotilla.menu.upstream-url", upstream::url);
  }

  @AfterAll
  static void stopUpstream() {
    upstream.close();
  }

  @LocalServerPort int port;

  Http relay;

  @BeforeEach
  void connect() {
    relay = Http.port(port);
    upstream.answer(200, "application/json", "{\"ok\":true}");
    upstream.delay(Duration.ZERO);
    upstream.received.clear();
  }

  @Test
  void pathAndQueryAreForwardedUnderApiAsReceived() {
    Http.Answer answer = relay.get("/restaurant/caf%C3%A9?day=monday&lang=sv%20SE");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"ok\":true}");
    assertThat(upstream.received)
        .containsExactly("/api/restaurant/caf%C3%A9?day=monday&lang=sv%20SE");
  }

  @Test
  void aServerErrorIsABadGatewayNamingTheStatus() {
    upstream.answer(500, "text/plain", "boom");

    assertThat(relay.get("/server-error"))
        .satisfies(answer -> assertThat(answer.status()).isEqualTo(502))
        .satisfies(answer ->
            assertThat(answer.body())
                .isEqualTo(
                    "{\"detail\":\"The lunch-menu API answered 500.\","
                        + "\"instance\":\"/server-error\",\"status\":502,"
                        + "\"title\":\"Bad Gateway\"}"));
  }

  @Test
  void aPageThatIsNotJsonIsABadGateway() {
    upstream.answer(200, "text/html", "<html><body>We are down for maintenance</body></html>");

    Http.Answer answer = relay.get("/not-json");

    assertThat(answer.status()).isEqualTo(502);
    assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(answer.body())
        .contains("\"detail\":\"The lunch-menu API answered something not JSON.\"");
  }

  @Test
  void aBodyLargerThanTheLimitIsABadGateway() {
    upstream.answer(200, "application/json", "[" + "1,".repeat(1000) + "1]");

    Http.Answer answer = relay.get("/too-large");

    assertThat(answer.status()).isEqualTo(502);
    assertThat(answer.body())
        .contains(
            "\"detail\":\"The lunch-menu API answered more than 1024 bytes, the relay's limit.\"");
  }

  @Test
  void anUpstreamThatDoesNotAnswerInTimeIsAGatewayTimeout() {
    upstream.delay(Duration.ofSeconds(3));

    Http.Answer answer = relay.get("/slow");

    assertThat(answer.status()).isEqualTo(504);
    assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(answer.body()).contains("\"detail\":\"The lunch-menu API did not answer in time.\"");
  }

  @Test
  void aFailureIsNotCachedTheNextRequestTriesAgain() {
    upstream.answer(503, "application/json", "{}");
    assertThat(relay.get("/flaky").status()).isEqualTo(502);

    upstream.answer(200, "application/json", "{\"back\":true}");
    Http.Answer recovered = relay.get("/flaky");

    assertThat(recovered.status()).isEqualTo(200);
    assertThat(recovered.header("X-Cache")).isEqualTo("MISS");
    assertThat(recovered.body()).isEqualTo("{\"back\":true}");
  }
}
