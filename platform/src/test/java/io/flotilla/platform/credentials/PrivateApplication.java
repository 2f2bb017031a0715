package io.flotilla.platform.credentials;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service with private endpoints: a feed under {@code /internal}, and things anyone may read but
 * only services may write. {@code @EnableWebSecurity} stands in for Boot's security module, which
 * the services bring with their resource server starter.
 */
@SpringBootApplication
@EnableWebSecurity
@RestController
class PrivateApplication {

  @Bean
  PrivateEndpoints internal() {
    return PrivateEndpoints.paths("/internal/**");
  }

  @Bean
  PrivateEndpoints thingWrites() {
    return PrivateEndpoints.writes("/things/**");
  }

  @GetMapping("/internal/v1/feed")
  String feed() {
    return "feed";
  }

  @GetMapping("/things/1")
  String thing() {
    return "thing";
  }

  @PostMapping("/things")
  String write() {
    return "written";
  }
}
