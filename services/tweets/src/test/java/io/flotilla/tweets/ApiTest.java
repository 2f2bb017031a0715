package io.flotilla.tweets;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What every test on a started service needs: its port and the stand-in for users' keys. */
abstract class ApiTest {

  static final TokenIssuer USERS = TokenIssuer.USERS;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void users(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", USERS::jwkSetUri);
  }

  Http anonymous() {
    return new Http(port);
  }

  Http as(String username) {
    return new Http(port).as(USERS.token(username));
  }
}
