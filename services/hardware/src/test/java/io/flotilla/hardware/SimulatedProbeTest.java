package io.flotilla.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The seed's slow check: HIGH, MEDIUM or LOW at random, and it stops when interrupted. */
class SimulatedProbeTest {

  private static SimulatedProbe withDelay(Duration delay) {
    return new SimulatedProbe(
        new HardwareProperties(
            new HardwareProperties.Probe(delay, Duration.ofSeconds(1), Duration.ofMinutes(1), 10)));
  }

  @Test
  void answersEachOfTheSeedsThreeValuesAndNeverUnknown() throws InterruptedException {
    var probe = withDelay(Duration.ZERO);
    var seen = EnumSet.noneOf(Availability.class);

    for (int i = 0; i < 1000; i++) {
      seen.add(probe.check(new Hardware(1, "Amazon", "c5")));
    }

    assertThat(seen)
        .containsExactlyInAnyOrder(Availability.HIGH, Availability.MEDIUM, Availability.LOW);
  }

  @Test
  void anInterruptedCheckStops() {
    var probe = withDelay(Duration.ofHours(1));
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> probe.check(new Hardware(1, "Amazon", "c5")))
        .isInstanceOf(InterruptedException.class);
  }
}
