package io.flotilla.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code flotilla-defaults.properties} as the lowest-precedence property source, so every
 * service shares one set of operational defaults (actuator exposure, virtual threads, graceful
 * shutdown, problem details...) while its own {@code application.yaml}, profiles and environment
 * variables still override any of them.
 */
class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

  static final String SOURCE_NAME = "flotillaDefaults";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getPropertySources().contains(SOURCE_NAME)) {
      return;
    }
    try {
      environment
          .getPropertySources()
          .addLast(
              new ResourcePropertySource(
                  SOURCE_NAME, new ClassPathResource("flotilla-defaults.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "flotilla-defaults.properties is missing from the platform", e);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
