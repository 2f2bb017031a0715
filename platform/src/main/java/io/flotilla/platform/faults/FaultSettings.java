package io.flotilla.platform.faults;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The faults injected into a service's requests: what {@code flotilla.faults.*} sets at start-up
 * and the {@code faults} Actuator endpoint replaces at runtime. Checked here, so that both refuse
 * the same values with the same message.
 *
 * @param delay how long every request waits before it is served, from 0s to {@value
 *     #MAX_DELAY_TEXT}
 * @param errorRate the share of requests, from 0.0 to 1.0, answered 503
 * @param outage when true, every request is answered 503 at once
 */
@ConfigurationProperties("flotilla.faults")
record FaultSettings(
    @DefaultValue("0s") Duration delay,
    @DefaultValue("0.0") double errorRate,
    @DefaultValue("false") boolean outage) {

  static final String MAX_DELAY_TEXT = "60s";

  /** Past the gateway's 10 s timeout with room to spare; a request held longer helps no demo. */
  static final Duration MAX_DELAY = Duration.ofSeconds(60);

  // After MAX_DELAY, which its check reads.
  static final FaultSettings NONE = new FaultSettings(Duration.ZERO, 0.0, false);

  FaultSettings {
    Objects.requireNonNull(delay, "delay is required");
    if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
      throw new IllegalArgumentException(
          "delay must be from 0s to " + MAX_DELAY_TEXT + ", got " + print(delay));
    }
    // Written so that NaN fails too.
    if (!(errorRate >= 0.0 && errorRate <= 1.0)) {
      throw new IllegalArgumentException("errorRate must be from 0.0 to 1.0, got " + errorRate);
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

  @Override
  public String toString() {
    return "delay=" + print(delay) + " errorRate=" + errorRate + " outage=" + outage;
  }
}
