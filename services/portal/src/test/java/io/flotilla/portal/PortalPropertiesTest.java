package io.flotilla.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The settings' defaults, and the environment variables that override them. */
class PortalPropertiesTest {

  private static PortalProperties bind(Map<String, Object> environment) {
    // Only the given variables, not this machine's: its environment must not change the result.
    var sources = new MutablePropertySources();
    sources.addFirst(
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
    return new Binder(ConfigurationPropertySources.from(sources))
        .bindOrCreate("flotilla.portal", PortalProperties.class);
  }

  @Test
  void withNothingConfiguredOneLocalReplicaAndTheDocumentedTimeouts() {
    PortalProperties defaults = bind(Map.of());

    assertThat(defaults.hardwareUrls()).containsExactly(URI.create("http://localhost:8086"));
    assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void replicasAndTimeoutsComeFromEnvironmentVariables() {
    PortalProperties configured =
        bind(
            Map.of(
                "FLOTILLA_PORTAL_HARDWARE_URLS", "http://a:8086,http://b:8086",
                "FLOTILLA_PORTAL_READ_TIMEOUT", "300ms",
                "FLOTILLA_PORTAL_CONNECT_TIMEOUT", "2s"));

    assertThat(configured.hardwareUrls())
        .containsExactly(URI.create("http://a:8086"), URI.create("http://b:8086"));
    assertThat(configured.readTimeout()).isEqualTo(Duration.ofMillis(300));
    assertThat(configured.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
  }
}
