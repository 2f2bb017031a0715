package io.flotilla.menu;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The relay's cache in front of {@link Upstream}. A copy younger than the TTL is served as a HIT.
 * Otherwise one request per path calls the upstream while the others for that path wait for its
 * answer (a MISS for all of them): under any concurrency, one upstream call per path per expiry. A
 * failed call is covered by the last good copy while it is younger than the stale limit (STALE),
 * otherwise the failure is the answer. With a {@link SharedCache} the replicas share copies and
 * claims, so that they too make one call per path per expiry between them.
 *
 * <p>{@code menu.cache.requests} counts requests by {@code result}: hit, miss, stale or error.
 */
@Component
class Relay {

  private static final Logger log = LoggerFactory.getLogger(Relay.class);

  enum Result {
    HIT,
    MISS,
    STALE
  }

  /** What to answer: a copy, how it was found, and how old it is in seconds (the Age header). */
  record Answer(Copy copy, Result result, long ageSeconds) {}

  private record Lookup(Copy copy, Result result) {}

  /** A refresh's outcome, a failure included: Caffeine would log a future that failed. */
  private record Outcome(Lookup lookup, RuntimeException failure) {}

  private final Upstream upstream;
  private final SharedCache shared;
  private final Clock clock;
  private final long ttlMillis;
  private final long staleMillis;
  private final Cache<String, Copy> copies;

  /**
   * The refresh under way for each path. Caffeine keeps one future per key, so concurrent requests
   * for a path share one; a completed one expires at once, so the next refresh starts afresh.
   */
  private final AsyncCache<String, Outcome> flights =
      Caffeine.newBuilder().expireAfterWrite(Duration.ZERO).buildAsync();

  private final Map<Result, Counter> answered = new EnumMap<>(Result.class);
  private final Counter failed;

  Relay(
      Upstream upstream,
      SharedCache shared,
      MenuProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.upstream = upstream;
    this.shared = shared;
    this.clock = clock;
    this.ttlMillis = properties.ttl().toMillis();
    this.staleMillis = properties.staleLimit().toMillis();
    // Kept as long as they may stand in for a failing upstream; bounded, as paths come from
    // clients.
    this.copies =
        Caffeine.newBuilder()
            .maximumSize(properties.maxEntries())
            .expireAfterWrite(properties.staleLimit())
            .build();
    // Registered up front, so that every result is scraped as 0 before it first happens.
    for (Result result : Result.values()) {
      answered.put(result, counter(result.name().toLowerCase(Locale.ROOT), meters));
    }
    this.failed = counter("error", meters);
  }

  /**
   * The answer for a path and query as received.
   *
   * @throws UpstreamFailure when the upstream failed and no copy is young enough to stand in
   */
  Answer answer(String key) {
    Copy cached = copies.getIfPresent(key);
    if (cached != null && fresh(cached)) {
      return answer(cached, Result.HIT);
    }
    try {
      Lookup lookup = joinFlight(key);
      return answer(lookup.copy(), lookup.result());
    } catch (UpstreamFailure failure) {
      Copy last = copies.getIfPresent(key);
      if (last != null && last.ageMillis(clock.millis()) < staleMillis) {
        log.info("menu serving stale copy path={} because={}", key, failure.kind().tag);
        return answer(last, Result.STALE);
      }
      failed.increment();
      throw failure;
    }
  }

  private Answer answer(Copy copy, Result result) {
    answered.get(result).increment();
    return new Answer(copy, result, copy.ageMillis(clock.millis()) / 1000);
  }

  /**
   * Runs one refresh per key at a time; requests arriving meanwhile wait for its outcome. The
   * request whose future Caffeine kept makes the call itself, on its own thread, so that the
   * upstream call stays in that request's trace and log context.
   */
  private Lookup joinFlight(String key) {
    var mine = new CompletableFuture<Outcome>();
    CompletableFuture<Outcome> flight = flights.get(key, (path, executor) -> mine);
    if (flight == mine) {
      try {
        mine.complete(new Outcome(refresh(key), null));
      } catch (RuntimeException failure) {
        mine.complete(new Outcome(null, failure));
      } catch (Throwable error) { // whatever happens, the requests waiting on it must not hang
        mine.completeExceptionally(error);
        throw error;
      }
    }
    Outcome outcome = flight.join();
    if (outcome.failure() != null) {
      throw outcome.failure();
    }
    return outcome.lookup();
  }

  private Lookup refresh(String key) {
    Copy local = copies.getIfPresent(key);
    if (local != null && fresh(local)) {
      return new Lookup(local, Result.HIT); // a flight that ended just before this one began
    }
    Copy fromReplica = shared.claim(key, this::fresh);
    if (fromReplica != null) {
      copies.put(key, fromReplica);
      return new Lookup(fromReplica, Result.HIT);
    }
    try {
      Copy fetched = upstream.fetch(key);
      copies.put(key, fetched);
      shared.put(key, fetched);
      return new Lookup(fetched, Result.MISS);
    } catch (UpstreamFailure failure) {
      shared.release(key);
      // Another replica's copy may be younger than ours, or the only one: let it stand in.
      Copy last = shared.get(key);
      if (last != null && (local == null || last.fetchedAt() > local.fetchedAt())) {
        copies.put(key, last);
      }
      throw failure;
    }
  }

  private boolean fresh(Copy copy) {
    return copy.ageMillis(clock.millis()) < ttlMillis;
  }

  private static Counter counter(String result, MeterRegistry meters) {
    return Counter.builder("menu.cache.requests")
        .description("Requests to the relay by how the cache answered them")
        .tag("result", result)
        .register(meters);
  }
}
