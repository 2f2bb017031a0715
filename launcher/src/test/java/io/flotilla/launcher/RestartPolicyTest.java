package io.flotilla.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

  private static final Instant T = Instant.parse("2026-12-07T01:00:00Z");

  private final RestartPolicy policy =
      new RestartPolicy(4, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(5));

  @Test
  void eachRestartWithinTheWindowWaitsTwiceAsLongUpToTheMaximum() {
    assertThat(policy.afterDeath(T)).contains(Duration.ofSeconds(1));
    assertThat(policy.afterDeath(T.plusSeconds(10))).contains(Duration.ofSeconds(2));
    assertThat(policy.afterDeath(T.plusSeconds(20))).contains(Duration.ofSeconds(4));
    assertThat(policy.afterDeath(T.plusSeconds(30))).contains(Duration.ofSeconds(5));
  }

  @Test
  void tooManyDeathsWithinTheWindowGiveUp() {
    for (int i = 0; i < 4; i++) {
      assertThat(policy.afterDeath(T.plusSeconds(i))).isPresent();
    }
    assertThat(policy.afterDeath(T.plusSeconds(60))).isEmpty();
  }

  @Test
  void deathsOlderThanTheWindowNoLongerCount() {
    for (int i = 0; i < 4; i++) {
      policy.afterDeath(T.plusSeconds(i));
    }
    // Ten minutes after the first two: two restarts remain in the window.
    assertThat(policy.afterDeath(T.plus(Duration.ofMinutes(10)).plusSeconds(1)))
        .contains(Duration.ofSeconds(4));
  }
}
