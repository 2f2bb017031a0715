package io.flotilla.hardware;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * The original's {@code slow_process_to_calculate_availability}: wait, then answer HIGH, MEDIUM or
 * LOW at random. The wait is {@code flotilla.hardware.probe.delay}.
 */
@Component
class SimulatedProbe implements AvailabilityProbe {

  private static final Availability[] ANSWERS = {
    Availability.HIGH, Availability.MEDIUM, Availability.LOW
  };

  private final HardwareProperties properties;

  SimulatedProbe(HardwareProperties properties) {
    this.properties = properties;
  }

  @Override
  public Availability check(Hardware hardware) throws InterruptedException {
    Thread.sleep(properties.probe().delay());
    return ANSWERS[ThreadLocalRandom.current().nextInt(ANSWERS.length)];
  }
}
