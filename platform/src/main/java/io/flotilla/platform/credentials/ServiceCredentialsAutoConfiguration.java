package io.flotilla.platform.credentials;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Service credentials for every servlet service: {@link ServiceTokens} for calls to a peer's
 * private endpoints ({@code ServiceClients.builderWithCredential}), and the settings that {@link
 * PrivateEndpointsAutoConfiguration} checks tokens with.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(ServiceCredentialsProperties.class)
class ServiceCredentialsAutoConfiguration {

  private static final Logger log =
      LoggerFactory.getLogger(ServiceCredentialsAutoConfiguration.class);

  @Bean
  ServiceTokens serviceTokens(ServiceCredentialsProperties properties, Environment environment) {
    return new ServiceTokens(
        name(environment),
        ServiceSecret.key(properties.secret()),
        properties.tokenTtl(),
        Clock.systemUTC());
  }

  static String name(Environment environment) {
    return environment.getProperty("spring.application.name", "service");
  }
}
