package io.flotilla.hardware;

import io.flotilla.platform.credentials.PrivateEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads are open to whoever reaches the service (the portal, on the private network); writes need a
 * service token for hardware (an operator makes one with {@code ./flotilla token hardware}), or are
 * answered 401 problem+json. The platform's chain checks the token; nothing else is secured.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  PrivateEndpoints writes() {
    return PrivateEndpoints.writes("/hardware/**");
  }
}
