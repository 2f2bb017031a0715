package io.flotilla.hardware;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The availability probe and its cache. Overridable like any property, e.g. {@code
 * FLOTILLA_HARDWARE_PROBE_DELAY=1s}.
 *
 * @param probe how availability is checked and for how long an answer is kept
 */
@Validated
@ConfigurationProperties("flotilla.hardware")
record HardwareProperties(@Valid @NotNull @DefaultValue Probe probe) {

  /**
   * @param delay how long the simulated check takes (the original slept 5 s)
   * @param deadline how long a check may take before its row shows {@code UNKNOWN}
   * @param ttl how long an answer is fresh; an older one is still served, and re-checked in the
   *     background
   * @param cacheSize how many rows' answers are kept
   */
  record Probe(
      @DefaultValue("5s") @NotNull @DurationMin(millis = 0) Duration delay,
      @DefaultValue("8s") @NotNull @DurationMin(millis = 1) Duration deadline,
      @DefaultValue("60s") @NotNull @DurationMin(millis = 1) Duration ttl,
      @DefaultValue("10000") @Min(1) long cacheSize) {}
}
