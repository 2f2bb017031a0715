package io.flotilla.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The checks that both the configuration and the endpoint go through. */
class FaultSettingsTest {

  @Test
  void theLimitsThemselvesAreAllowed() {
    assertThat(new FaultSettings(Duration.ZERO, 0.0, false)).isEqualTo(FaultSettings.NONE);
    assertThat(new FaultSettings(Duration.ofSeconds(60), 1.0, true).errorRate()).isEqualTo(1.0);
  }

  @Test
  void aDelayOutsideItsRangeIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FaultSettings(Duration.ofMillis(-1), 0.0, false))
        .withMessage("delay must be from 0s to 60s, got -1ms");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FaultSettings(Duration.ofMillis(60_001), 0.0, false))
        .withMessage("delay must be from 0s to 60s, got 60001ms");
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
  void delaysAreWrittenAsInTheConfiguration() {
    assertThat(FaultSettings.print(Duration.ofSeconds(2))).isEqualTo("2s");
    assertThat(FaultSettings.print(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(FaultSettings.print(Duration.ZERO)).isEqualTo("0s");
    assertThat(FaultSettings.print(Duration.ofNanos(1500))).isEqualTo("PT0.0000015S");
  }
}
