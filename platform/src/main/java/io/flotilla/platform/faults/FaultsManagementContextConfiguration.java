package io.flotilla.platform.faults;

import io.flotilla.platform.credentials.ServiceCredentialsProperties;
import io.flotilla.platform.credentials.ServiceSecret;
import io.flotilla.platform.credentials.ServiceTokenDecoder;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * In the management port's own context (where the {@code faults} endpoint lives, see {@link
 * FaultsAutoConfiguration}): the switch answers only a service token for this service, as the
 * private endpoints do, and 401 problem+json without one. No secret: it refuses every call.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
class FaultsManagementContextConfiguration {

  private static final Logger log =
      LoggerFactory.getLogger(FaultsManagementContextConfiguration.class);

  /** Ahead of every other filter of the port, Spring Security's included where a service has it. */
  @Bean
  FilterRegistrationBean<FaultsSwitchGuard> faultsSwitchGuard(
      PathMappedEndpoints endpoints,
      ServiceCredentialsProperties credentials,
      Environment environment) {
    String service = environment.getProperty("spring.application.name", "service");
    Optional<SecretKey> key = ServiceSecret.key(credentials.secret());
    if (key.isEmpty()) {
      log.warn(
          "service credentials: no secret ({} / flotilla.service-credentials.secret), {}'s fault"
              + " switch (the faults endpoint) refuses every call",
          ServiceSecret.VARIABLE,
          service);
    }
    EndpointId faults = EndpointId.of("faults");
    // Not exposed over HTTP: nothing answers there, so the guard keeps the default place.
    String path =
        Optional.ofNullable(endpoints.getPath(faults))
            .orElse(endpoints.getBasePath() + "/" + faults);
    var registration =
        new FilterRegistrationBean<>(
            new FaultsSwitchGuard(path, ServiceTokenDecoder.forService(key, service)));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
