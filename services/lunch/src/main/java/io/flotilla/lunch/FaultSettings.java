package io.flotilla.lunch;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The faults injected into {@code /api/**}: what {@code flotilla.lunch.faults.*} sets at startup
 * and {@code PUT /faults} replaces at runtime. Checked here, so that both refuse the same values
 * with the same message.
 *
 * @param delay how long every {@code /api/**} request waits before it is answered
 * @param errorRate the share of {@code /api/**} requests, from 0.0 to 1.0, answered 503
 * @param outage when true, every {@code /api/**} request is answered 503 at once
 */
record FaultSettings(
    @DefaultValue("0s") Duration delay,
    @DefaultValue("0.0") double errorRate,
    @DefaultValue("false") boolean outage) {

  static final FaultSettings NONE = new FaultSettings(Duration.ZERO, 0.0, false);

  FaultSettings {
    Objects.requireNonNull(delay, "delay is required");
    if (delay.isNegative()) {
      throw new IllegalArgumentException(
          "delay must not be negative, got " + FaultBodies.print(delay));
    }
    // Written so that NaN fails too.
    if (!(errorRate >= 0.0 && errorRate <= 1.0)) {
      throw new IllegalArgumentException("errorRate must be from 0.0 to 1.0, got " + errorRate);
    }
  }
}
