package io.flotilla.users;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per username and refuses further attempts once there were {@code
 * maxFailures} of them within {@code window} of the first, until that window has passed — even with
 * the right password, so guessing stays slow. A success forgets the count.
 *
 * <p>The counts live in this instance's memory (Caffeine, bounded): with several replicas an
 * attacker gets {@code maxFailures} per replica and window, and a restart forgets them. The
 * gateway's rate limits bound the rest.
 */
@Component
class LoginThrottle {

  /** The failures of one username in the window that began at its first counted failure. */
  private record Failures(Instant windowStart, int count) {}

  private final Cache<String, Failures> failures;
  private final Clock clock;
  private final int maxFailures;
  private final Duration window;

  LoginThrottle(UsersProperties properties, Clock clock) {
    this.clock = clock;
    this.maxFailures = properties.loginThrottle().maxFailures();
    this.window = properties.loginThrottle().window();
    // Expiry only frees memory; whether a window has passed is decided by the clock below.
    this.failures =
        Caffeine.newBuilder()
            .maximumSize(properties.loginThrottle().maxTracked())
            .expireAfterWrite(window)
            .build();
  }

  /** How long the username is still refused, if it is. */
  Optional<Duration> refusedFor(String username) {
    Failures current = failures.getIfPresent(username);
    Instant now = clock.instant();
    if (current == null || current.count() < maxFailures || passed(current, now)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, current.windowStart().plus(window)));
  }

  void failed(String username) {
    Instant now = clock.instant();
    failures
        .asMap()
        .compute(
            username,
            (name, current) ->
                current == null || passed(current, now)
                    ? new Failures(now, 1)
                    : new Failures(current.windowStart(), current.count() + 1));
  }

  void succeeded(String username) {
    failures.invalidate(username);
  }

  private boolean passed(Failures failures, Instant now) {
    return !now.isBefore(failures.windowStart().plus(window));
  }
}
