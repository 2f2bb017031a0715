package io.flotilla.platform.faults;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Fault injection in every servlet service: latency, errors and outages, set at start-up with
 * {@code flotilla.faults.*} and switched at runtime through the {@code faults} Actuator endpoint.
 * The endpoint exists only when Actuator has a port of its own (the service's port + 1000 on
 * loopback by default), so the switch is never on the public port nor behind the gateway.
 */
@AutoConfiguration(
    afterName =
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(FaultSettings.class)
class FaultsAutoConfiguration {

  @Bean
  Faults faults(FaultSettings configured, ObjectProvider<MeterRegistry> registries) {
    return new Faults(configured, registries.getIfAvailable(SimpleMeterRegistry::new));
  }

  /** Inside the request log and the body limit, so that injected answers are logged like others. */
  @Bean
  FilterRegistrationBean<FaultFilter> faultFilter(
      Faults faults, ObjectProvider<MeterRegistry> registries, Environment environment) {
    var registration =
        new FilterRegistrationBean<>(
            new FaultFilter(
                faults,
                environment.getProperty("spring.application.name", "service"),
                registries.getIfAvailable(SimpleMeterRegistry::new)));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
    return registration;
  }

  @Bean
  @ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
  FaultsEndpoint faultsEndpoint(Faults faults) {
    return new FaultsEndpoint(faults);
  }
}
