package io.flotilla.lunch;

import java.time.Duration;
import org.springframework.format.datetime.standard.DurationFormatterUtils;

/**
 * The body of {@code GET} and {@code PUT /faults}: {@code {"delay":"2s","errorRate":0.2,
 * "outage":false}}. The delay is written as in the configuration ({@code 2s}, {@code 500ms}, or ISO
 * {@code PT2S}); a field left out of a {@code PUT} is off.
 */
record FaultBodies(String delay, Double errorRate, Boolean outage) {

  static FaultBodies of(FaultSettings settings) {
    return new FaultBodies(print(settings.delay()), settings.errorRate(), settings.outage());
  }

  /**
   * The settings this body asks for.
   *
   * @throws IllegalArgumentException naming the field that is wrong and what is allowed
   */
  FaultSettings settings() {
    return new FaultSettings(
        delay == null ? Duration.ZERO : parse(delay),
        errorRate == null ? 0.0 : errorRate,
        outage != null && outage);
  }

  private static Duration parse(String delay) {
    try {
      return DurationFormatterUtils.detectAndParse(delay.strip());
    } catch (RuntimeException notADuration) {
      throw new IllegalArgumentException(
          "delay must be a duration such as \"2s\", \"500ms\" or \"PT2S\", got \"" + delay + "\"");
    }
  }

  /** Whole seconds as {@code 2s}, whole milliseconds as {@code 1500ms}, anything finer in ISO. */
  static String print(Duration delay) {
    if (delay.toNanosPart() % 1_000_000 != 0) {
      return delay.toString();
    }
    long millis = delay.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }
}
