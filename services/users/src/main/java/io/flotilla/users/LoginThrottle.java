package io.flotilla.users;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down without locking anyone out. Failed logins are counted per client
 * address and username, and per client address across usernames (password spraying). Past a few
 * free failures, each further attempt of that key waits twice as long after the last failure as the
 * one before (1 s, 2 s, 4 s... up to a ceiling), whatever the password, and a refused attempt is
 * not counted. Nothing is counted per username alone: someone else's failures from another address
 * never stop the owner. A success forgets that address's failures on that username; its failures
 * across usernames stay, so one known password does not reset a spray.
 *
 * <p>The counts live in this instance's memory (Caffeine, bounded): with several replicas an
 * attacker gets the free failures per replica, and a restart forgets them. The gateway's rate
 * limits on login bound the rest.
 */
@Component
class LoginThrottle {

  /** One address's failures on one username, or on all of them when {@code username} is null. */
  private record Key(String address, String username) {}

  private record Failures(int count, Instant last) {}

  private final Cache<Key, Failures> failures;
  private final Clock clock;
  private final UsersProperties.LoginThrottle settings;

  LoginThrottle(UsersProperties properties, Clock clock) {
    this.clock = clock;
    this.settings = properties.loginThrottle();
    // Expiry only frees memory; whether failures are forgotten is decided by the clock below.
    this.failures =
        Caffeine.newBuilder()
            .maximumSize(settings.maxTracked())
            .expireAfterWrite(settings.forgetAfter())
            .build();
  }

  /** How long logins from this address to this username are still refused, if they are. */
  Optional<Duration> refusedFor(String address, String username) {
    Instant now = clock.instant();
    Instant until =
        latest(
            refusedUntil(new Key(address, username), settings.freeFailures(), now),
            refusedUntil(new Key(address, null), settings.freeFailuresPerAddress(), now));
    return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
  }

  void failed(String address, String username) {
    count(new Key(address, username));
    count(new Key(address, null));
  }

  void succeeded(String address, String username) {
    failures.invalidate(new Key(address, username));
  }

  private void count(Key key) {
    Instant now = clock.instant();
    failures
        .asMap()
        .compute(
            key,
            (k, current) ->
                current == null || forgotten(current, now)
                    ? new Failures(1, now)
                    : new Failures(current.count() + 1, now));
  }

  private Instant refusedUntil(Key key, int free, Instant now) {
    Failures current = failures.getIfPresent(key);
    if (current == null || current.count() <= free || forgotten(current, now)) {
      return now;
    }
    return current.last().plus(delayAfter(current.count() - free));
  }

  /** The wait after the {@code n}th failure past the free ones: doubling, up to the ceiling. */
  Duration delayAfter(int n) {
    int doublings = Math.min(n - 1, 30);
    Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
    return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
  }

  private boolean forgotten(Failures failures, Instant now) {
    return !now.isBefore(failures.last().plus(settings.forgetAfter()));
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
