package io.flotilla.platform.faults;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.format.datetime.standard.DurationFormatterUtils;

/**
 * {@code GET /actuator/faults} shows the faults in force; {@code POST /actuator/faults} with {@code
 * {"delay":"2s","errorRate":0.2,"outage":false}} replaces them, a field left out being off. On the
 * management port only (see {@link FaultsAutoConfiguration}).
 */
@Endpoint(id = "faults", defaultAccess = Access.UNRESTRICTED)
final class FaultsEndpoint {

  private final Faults faults;

  FaultsEndpoint(Faults faults) {
    this.faults = faults;
  }

  @ReadOperation
  Shown current() {
    return Shown.of(faults.current());
  }

  /**
   * Every value arrives as text (Actuator reads the body as a map of strings), so each is read
   * here, where a wrong one can be named with what is allowed.
   */
  @WriteOperation
  Shown replace(@Nullable String delay, @Nullable String errorRate, @Nullable String outage) {
    FaultSettings settings;
    try {
      settings =
          new FaultSettings(
              delay == null ? Duration.ZERO : delay(delay),
              errorRate == null ? 0.0 : errorRate(errorRate),
              outage != null && outage(outage));
    } catch (IllegalArgumentException invalid) {
      throw new InvalidEndpointRequestException(invalid.getMessage(), invalid.getMessage());
    }
    faults.set(settings);
    return Shown.of(settings);
  }

  private static Duration delay(String delay) {
    try {
      return DurationFormatterUtils.detectAndParse(delay.strip());
    } catch (RuntimeException notADuration) {
      throw new IllegalArgumentException(
          "delay must be a duration such as \"2s\", \"500ms\" or \"PT2S\", got \"" + delay + "\"");
    }
  }

  private static double errorRate(String errorRate) {
    try {
      return Double.parseDouble(errorRate.strip());
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException(
          "errorRate must be a number from 0.0 to 1.0, got \"" + errorRate + "\"");
    }
  }

  private static boolean outage(String outage) {
    return switch (outage.strip()) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              "outage must be true or false, got \"" + outage + "\"");
    };
  }

  /** The settings as the endpoint shows them: the delay written as in the configuration. */
  record Shown(String delay, double errorRate, boolean outage) {
    static Shown of(FaultSettings settings) {
      return new Shown(
          FaultSettings.print(settings.delay()), settings.errorRate(), settings.outage());
    }
  }
}
