package io.flotilla.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * When the process topology starts a dead service again, as Kubernetes restarts a container: after
 * a delay that doubles with each restart still within the window (1 s, 2 s, 4 s... up to the
 * maximum), and not at all once it has restarted {@code maxRestarts} times within the window, a
 * crash loop that a restart will not mend. One per service instance.
 */
final class RestartPolicy {

  private final int maxRestarts;
  private final Duration window;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final Deque<Instant> restarts = new ArrayDeque<>();

  RestartPolicy(int maxRestarts, Duration window, Duration initialDelay, Duration maxDelay) {
    this.maxRestarts = maxRestarts;
    this.window = window;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
  }

  /** Five restarts in ten minutes, from 1 s apart up to 30 s. */
  static RestartPolicy standard() {
    return new RestartPolicy(
        5, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(30));
  }

  /**
   * For a death at {@code now}: how long to wait before restarting, or empty to give up. A restart
   * answered here counts towards the next deaths.
   */
  Optional<Duration> afterDeath(Instant now) {
    while (!restarts.isEmpty() && !restarts.peekFirst().isAfter(now.minus(window))) {
      restarts.removeFirst();
    }
    if (restarts.size() >= maxRestarts) {
      return Optional.empty();
    }
    Duration delay = initialDelay;
    for (int i = 0; i < restarts.size() && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    restarts.addLast(now);
    return Optional.of(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
  }

  int maxRestarts() {
    return maxRestarts;
  }

  Duration window() {
    return window;
  }
}
