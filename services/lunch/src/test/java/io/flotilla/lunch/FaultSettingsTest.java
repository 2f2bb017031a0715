package io.flotilla.lunch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The checks that both the configuration and {@code PUT /faults} go through. */
class FaultSettingsTest {

  @Test
  void theLimitsThemselvesAreAllowed() {
    assertThat(new FaultSettings(Duration.ZERO, 0.0, false)).isEqualTo(FaultSettings.NONE);
    assertThat(new FaultSettings(Duration.ofSeconds(30), 1.0, true).errorRate()).isEqualTo(1.0);
  }

  @Test
  void aNegativeDelayIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FaultSettings(Duration.ofMillis(-1), 0.0, false))
        .withMessage("delay must not be negative, got -1ms");
  }

  @Test
  void anErrorRateOutsideZeroToOneIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FaultSettings(Duration.ZERO, 1.01, false))
        .withMessage("errorRate must be from 0.0 to 1.0, got 1.01");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FaultSettings(Duration.ZERO, Double.NaN, false))
        .withMessage("errorRate must be from 0.0 to 1.0, got NaN");
  }

  @Test
  void delaysAreReadAndWrittenAsInTheConfiguration() {
    assertThat(new FaultBodies("2s", null, null).settings().delay())
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(new FaultBodies("PT0.5S", null, null).settings().delay())
        .isEqualTo(Duration.ofMillis(500));
    assertThat(new FaultBodies(" 1500ms ", null, null).settings().delay())
        .isEqualTo(Duration.ofMillis(1500));
    assertThat(FaultBodies.print(Duration.ofSeconds(2))).isEqualTo("2s");
    assertThat(FaultBodies.print(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(FaultBodies.print(Duration.ZERO)).isEqualTo("0s");
    assertThat(FaultBodies.print(Duration.ofNanos(1500))).isEqualTo("PT0.0000015S");
  }

  @Test
  void fieldsLeftOutAreOff() {
    assertThat(new FaultBodies(null, null, null).settings()).isEqualTo(FaultSettings.NONE);
  }
}
