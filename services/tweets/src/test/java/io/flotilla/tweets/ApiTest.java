package io.flotilla.tweets;

import io.flotilla.platform.credentials.ServiceSecret;
import io.flotilla.platform.credentials.ServiceTokens;
import io.flotilla.testsupport.Http;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What every test on a started service needs: its port and the stand-in for users' keys. */
abstract class ApiTest {

  static final TokenIssuer USERS = TokenIssuer.USERS;

  /** The shared service secret of the tests (application-test.yaml, {@link RunningApp}). */
  static final String SERVICE_SECRET = "the tests' service secret, 32 bytes or more";

  @LocalServerPort int port;

  @DynamicPropertySource
  static void users(DynamicPropertyRegistry registry) {
    registry.add("spring.cloud.discovery.client.simple.instances.users", USERS::url);
  }

  Http anonymous() {
    return http(port);
  }

  Http as(String username) {
    return http(port).as(USERS.token(username));
  }

  /** As the search service calls the change feed: with a service token for tweets. */
  Http search() {
    return search(port);
  }

  static Http search(int port) {
    return http(port).as(serviceToken("search", "tweets"));
  }

  static String serviceToken(String from, String to) {
    return ServiceTokens.mint(
        ServiceSecret.key(SERVICE_SECRET).orElseThrow(),
        from,
        to,
        Instant.now(),
        Duration.ofMinutes(5));
  }

  /** The service on this port, waiting up to a minute: change-feed requests long-poll. */
  static Http http(int port) {
    return Http.port(port).timeout(Duration.ofSeconds(60));
  }
}
