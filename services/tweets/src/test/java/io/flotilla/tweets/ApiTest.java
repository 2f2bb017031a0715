package io.flotilla.tweets;

import io.flotilla.testsupport.Http;
import java.time.Duration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What every test on a started service needs: its port and the stand-in for users' keys. */
abstract class ApiTest {

  static final TokenIssuer USERS = TokenIssuer.USERS;

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

  /** The service on this port, waiting up to a minute: change-feed requests long-poll. */
  static Http http(int port) {
    return Http.port(port).timeout(Duration.ofSeconds(60));
  }
}
