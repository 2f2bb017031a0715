package io.flotilla.menu;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The shared cache in Redis, through Spring Data Redis. A copy lives under {@code
 * {prefix}copy:{key}} for the stale limit; a replica that is about to call the upstream first takes
 * {@code {prefix}claim:{key}} (SET NX with an expiry, so a replica that dies mid-call blocks the
 * others for one call's timeout at most); the others wait for the copy it stores.
 *
 * <p>Redis being down never fails a request: every operation then answers as if the cache were
 * empty and unclaimed, so each replica calls the upstream on its own, and {@code
 * menu.shared.errors} counts what went wrong.
 */
final class RedisSharedCache implements SharedCache {

  private static final Logger log = LoggerFactory.getLogger(RedisSharedCache.class);

  /** Deletes a claim only if it is still ours: it may have expired and been taken by another. */
  private static final RedisScript<Long> RELEASE =
      RedisScript.of(
          "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end"
              + " return 0",
          Long.class);

  private static final Duration POLL = Duration.ofMillis(20);

  private final RedisTemplate<String, byte[]> redis;
  private final String prefix;
  private final Duration keepFor;
  private final Duration claimFor;
  private final byte[] owner = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
  private final Counter errors;

  /**
   * @param keepFor how long a copy is kept: as long as it may stand in for a failing upstream
   * @param claimFor how long a claim holds at most: one upstream call with its timeouts
   */
  RedisSharedCache(
      RedisTemplate<String, byte[]> redis,
      String prefix,
      Duration keepFor,
      Duration claimFor,
      MeterRegistry meters) {
    this.redis = redis;
    this.prefix = prefix;
    this.keepFor = keepFor;
    this.claimFor = claimFor;
    this.errors =
        Counter.builder("menu.shared.errors")
            .description("Operations on the shared Redis cache that failed")
            .register(meters);
  }

  @Override
  public Copy get(String key) {
    try {
      byte[] bytes = redis.opsForValue().get(prefix + "copy:" + key);
      return bytes == null ? null : Copy.fromBytes(bytes);
    } catch (DataAccessException e) {
      failed("get", e);
      return null;
    }
  }

  @Override
  public Copy claim(String key, Predicate<Copy> fresh) {
    long deadline = System.nanoTime() + claimFor.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        boolean claimed =
            Boolean.TRUE.equals(
                redis.opsForValue().setIfAbsent(prefix + "claim:" + key, owner, claimFor));
        Copy copy = get(key);
        if (copy != null && fresh.test(copy)) {
          if (claimed) {
            release(key); // someone stored it between our look and our claim
          }
          return copy;
        }
        if (claimed) {
          return null;
        }
        Thread.sleep(POLL);
      }
    } catch (DataAccessException e) {
      failed("claim", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null; // no copy came in time: call the upstream rather than fail
  }

  @Override
  public void put(String key, Copy copy) {
    try {
      redis.opsForValue().set(prefix + "copy:" + key, copy.toBytes(), keepFor);
    } catch (DataAccessException e) {
      failed("put", e);
    }
    release(key);
  }

  @Override
  public void release(String key) {
    try {
      redis.execute(RELEASE, List.of(prefix + "claim:" + key), owner);
    } catch (DataAccessException e) {
      failed("release", e);
    }
  }

  private void failed(String operation, DataAccessException e) {
    errors.increment();
    log.warn("menu shared cache failed operation={} error={}", operation, e.toString());
  }
}
