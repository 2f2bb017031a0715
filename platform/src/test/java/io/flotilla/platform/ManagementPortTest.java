package io.flotilla.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Where Actuator listens, as {@link PlatformDefaults} decides it from the service's port. */
class ManagementPortTest {

  @Test
  void aThousandAboveTheServicePortOnLoopback() {
    StandardEnvironment environment = after(Map.of("server.port", "8081"));

    assertThat(environment.getProperty("management.server.port")).isEqualTo("9081");
    assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
  }

  @Test
  void aGivenPortAndAddressWin() {
    StandardEnvironment environment =
        after(
            Map.of(
                "server.port", "8081",
                "management.server.port", "7000",
                "management.server.address", "0.0.0.0"));

    assertThat(environment.getProperty("management.server.port")).isEqualTo("7000");
    assertThat(environment.getProperty("management.server.address")).isEqualTo("0.0.0.0");
  }

  @Test
  void aGivenPortAloneStillListensOnLoopback() {
    StandardEnvironment environment =
        after(Map.of("server.port", "8081", "management.server.port", "7000"));

    assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
  }

  @Test
  void aRandomServicePortKeepsActuatorBesideTheService() {
    StandardEnvironment environment = after(Map.of("server.port", "0"));

    assertThat(environment.containsProperty("management.server.port")).isFalse();
    assertThat(environment.containsProperty("management.server.address")).isFalse();
  }

  @Test
  void aServicePortWithoutRoomAboveItAsksForAManagementPort() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> after(Map.of("server.port", "65000")))
        .withMessageContaining("management.server.port");
  }

  private static StandardEnvironment after(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("given", properties));
    new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }
}
