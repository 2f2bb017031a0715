package io.flotilla.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code flotilla-defaults.properties} as the lowest-precedence property source, so every
 * service shares one set of operational defaults (actuator exposure, virtual threads, graceful
 * shutdown, problem details...) while its own {@code application.yaml}, profiles and environment
 * variables still override any of them.
 *
 * <p>Actuator answers on a management port of its own, {@value #MANAGEMENT_PORT_OFFSET} above the
 * service's port unless {@code management.server.port} is given: a port cannot be computed in a
 * properties file. A random service port (0, as in tests) keeps Actuator on the service's port. A
 * management port of its own listens on loopback unless {@code management.server.address} says
 * otherwise (containers set 0.0.0.0 for their probes and Prometheus).
 */
class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

  static final String SOURCE_NAME = "flotillaDefaults";

  static final String MANAGEMENT_PORT_SOURCE_NAME = "flotillaManagementPort";

  static final int MANAGEMENT_PORT_OFFSET = 1000;

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
    if (environment.getPropertySources().contains(MANAGEMENT_PORT_SOURCE_NAME)) {
      return;
    }
    Map<String, Object> management = new HashMap<>();
    Integer port = environment.getProperty("server.port", Integer.class);
    Integer managementPort = environment.getProperty("management.server.port", Integer.class);
    if (managementPort == null && port != null && port > 0) {
      managementPort = managementPort(port);
      management.put("management.server.port", managementPort);
    }
    // Loopback unless told otherwise; Boot refuses an address without a port of its own.
    if (managementPort != null
        && managementPort > 0
        && !managementPort.equals(port)
        && !environment.containsProperty("management.server.address")) {
      management.put("management.server.address", "127.0.0.1");
    }
    if (!management.isEmpty()) {
      environment
          .getPropertySources()
          .addBefore(SOURCE_NAME, new MapPropertySource(MANAGEMENT_PORT_SOURCE_NAME, management));
    }
  }

  static int managementPort(int port) {
    int management = port + MANAGEMENT_PORT_OFFSET;
    if (management > 65535) {
      throw new IllegalArgumentException(
          "server.port "
              + port
              + " leaves no room for the management port "
              + MANAGEMENT_PORT_OFFSET
              + " above it; set management.server.port (MANAGEMENT_SERVER_PORT)");
    }
    return management;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
