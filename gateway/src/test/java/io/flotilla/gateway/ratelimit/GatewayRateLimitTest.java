package io.flotilla.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testsupport.ClientAt;
import io.flotilla.testsupport.Http;
import io.flotilla.testsupport.StandInServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The rate limits over real HTTP, in front of a stand-in users service that answers every request
 * with the {@code X-Forwarded-For} it was given. The gateway trusts loopback's 127.0.0.1 as a proxy
 * here, so a test names a client with that header; other loopback addresses are clients of their
 * own, whose header is not believed.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "flotilla.gateway.rate-limit.unlimited=",
      "flotilla.trusted-proxies=127.0.0.1, ::1",
      "flotilla.gateway.rate-limit.per-address.requests=5",
      "flotilla.gateway.rate-limit.per-address.per=1m",
      "flotilla.gateway.rate-limit.per-account.requests=3",
      "flotilla.gateway.rate-limit.per-account.per=1m",
      "flotilla.gateway.rate-limit.login.requests=2",
      "flotilla.gateway.rate-limit.login.per=1m",
      "flotilla.gateway.rate-limit.registration.requests=1",
      "flotilla.gateway.rate-limit.registration.per=1h"
    })
class GatewayRateLimitTest {

  static final StandInServer users =
      StandInServer.start(
          "/",
          exchange -> {
            try (exchange) {
              String forwarded = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
              byte[] body = String.valueOf(forwarded).getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().set("Content-Type", "text/plain");
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
            }
          });

  @DynamicPropertySource
  static void routeToTheStandIn(DynamicPropertyRegistry registry) {
    registry.add("flotilla.services.users", users::url);
  }

  @AfterAll
  static void stopTheStandIn() {
    users.close();
  }

  @LocalServerPort int port;

  @Autowired MeterRegistry meters;

  private Http.Answer send(String method, String path, String client, String token) {
    var headers = new java.util.LinkedHashMap<String, String>();
    headers.put("X-Forwarded-For", client);
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    return ClientAt.address("127.0.0.1", port)
        .send(method, path, method.equals("POST") ? "{}" : null, headers);
  }

  private Http.Answer login(String client) {
    return send("POST", "/api/v1/auth/login", client, null);
  }

  @Test
  void aLoginFloodIsRefusedWithRetryAfterAndAProblem() {
    assertThat(login("198.51.100.1").status()).isEqualTo(200);
    assertThat(login("198.51.100.1").status()).isEqualTo(200);

    Http.Answer refused = login("198.51.100.1");

    assertThat(refused.status()).isEqualTo(429);
    // At most the 30 s in which one more login comes back (2 a minute).
    int retryAfter = Integer.parseInt(refused.header("Retry-After"));
    assertThat(retryAfter).isBetween(1, 30);
    assertThat(refused.contentType()).isEqualTo("application/problem+json");
    assertThat(refused.body())
        .isEqualTo(
            Http.problem(
                429,
                "Too Many Requests",
                "Too many login attempts from this address; try again in "
                    + (retryAfter == 1 ? "1 second." : retryAfter + " seconds."),
                "/api/v1/auth/login"));
    // Another client is not held back by this one.
    assertThat(login("198.51.100.2").status()).isEqualTo(200);
    assertThat(meters.get("flotilla.gateway.rate.limited").tag("limit", "login").counter().count())
        .isPositive();
  }

  @Test
  void aRefusedRequestWithABodyIsAnsweredNotReset() {
    login("198.51.100.7");
    login("198.51.100.7");
    String body = "{\"username\":\"" + "a".repeat(32 * 1024) + "\"}";

    Http.Answer refused =
        ClientAt.address("127.0.0.1", port)
            .send("POST", "/api/v1/auth/login", body, Map.of("X-Forwarded-For", "198.51.100.7"));

    assertThat(refused.status()).isEqualTo(429);
  }

  @Test
  void aLoginSpelledAnotherWayDrawsOnTheSameBucket() {
    assertThat(send("POST", "/api/v1/auth//./login", "198.51.100.3", null).status()).isEqualTo(200);
    assertThat(send("POST", "/api/v1/auth/%6Cogin;x=1", "198.51.100.3", null).status())
        .isEqualTo(200);
    assertThat(login("198.51.100.3").status()).isEqualTo(429);
  }

  @Test
  void registrationsHaveABucketOfTheirOwn() {
    assertThat(send("POST", "/api/v1/users", "198.51.100.4", null).status()).isEqualTo(200);
    Http.Answer refused = send("POST", "/api/v1/users", "198.51.100.4", null);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(3000, 3600);
    assertThat(refused.body()).contains("Too many registrations from this address");
    assertThat(login("198.51.100.4").status()).isEqualTo(200);
  }

  @Test
  void everyRequestDrawsOnItsAddressesBucket() {
    for (int i = 0; i < 5; i++) {
      assertThat(send("GET", "/api/v1/users/ada", "198.51.100.5", null).status()).isEqualTo(200);
    }
    Http.Answer refused = send("GET", "/api/v1/users/ada", "198.51.100.5", null);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 12);
    assertThat(refused.body()).contains("Too many requests from this address; try again in ");
  }

  @Test
  void aTokenHasABucketOfItsOwnThatAForgedOneCannotDrain() {
    // Each request from another address, so only the token's bucket can run dry.
    String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.signature";
    for (int i = 0; i < 3; i++) {
      assertThat(send("GET", "/api/v1/users/ada", "203.0.113." + i, token).status()).isEqualTo(200);
    }
    Http.Answer refused = send("GET", "/api/v1/users/ada", "203.0.113.9", token);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.body()).contains("Too many requests with this token");

    // The same claims with another signature: a forgery, counted apart from ada's real token.
    String forged = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.forged";
    assertThat(send("GET", "/api/v1/users/ada", "203.0.113.10", forged).status()).isEqualTo(200);
  }

  @Test
  void theServiceIsToldTheClientTheGatewayDecidedOn() {
    // From the trusted proxy: its last hop is believed, what a client wrote before it is not.
    assertThat(send("GET", "/api/v1/users/x", "203.0.113.50, 198.51.100.60", null).body())
        .isEqualTo("198.51.100.60");
    // From a client: its header is ignored and never passed on.
    Http.Answer direct =
        ClientAt.address("127.0.0.5", port)
            .send("GET", "/api/v1/users/x", null, Map.of("X-Forwarded-For", "198.51.100.61"));
    assertThat(direct.body()).isEqualTo("127.0.0.5");
  }
}
