package io.flotilla.menu;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared cache in Redis. A copy lives under {@code {prefix}copy:{key}} for the stale limit; a
 * replica that is about to call the upstream first takes {@code {prefix}claim:{key}} (SET NX with
 * an expiry, so a replica that dies mid-call blocks the others for one call's timeout at most); the
 * others wait for the copy it stores.
 *
 * <p>Redis being down never fails a request: every operation then answers as if the cache were
 * empty and unclaimed, so each replica calls the upstream on its own, and {@code
 * menu.shared.errors} counts what went wrong.
 */
final class RedisSharedCache implements SharedCache, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RedisSharedCache.class);

  /** Deletes a claim only if it is still ours: it may have expired and been taken by another. */
  private static final String RELEASE =
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

  private static final Duration POLL = Duration.ofMillis(20);

  private final RedisClient client;
  private final String prefix;
  private final Duration keepFor;
  private final Duration claimFor;
  private final byte[] owner = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
  private final Counter errors;
  private volatile StatefulRedisConnection<byte[], byte[]> connection;

  RedisSharedCache(MenuProperties properties, MeterRegistry meters) {
    var uri = RedisURI.create(properties.redisUrl());
    // Short: a slow Redis must cost a request less than the upstream call it is there to save.
    uri.setTimeout(Duration.ofMillis(500));
    this.client = RedisClient.create(uri);
    client.setOptions(
        ClientOptions.builder()
            .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofMillis(500)).build())
            // Fail at once while disconnected instead of queueing commands until Redis is back.
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .build());
    this.prefix = properties.redisKeyPrefix();
    this.keepFor = properties.staleLimit();
    this.claimFor = properties.connectTimeout().plus(properties.readTimeout()).plusSeconds(1);
    this.errors =
        Counter.builder("menu.shared.errors")
            .description("Operations on the shared Redis cache that failed")
            .register(meters);
  }

  @Override
  public Copy get(String key) {
    try {
      byte[] bytes = commands().get(copyKey(key));
      return bytes == null ? null : Copy.fromBytes(bytes);
    } catch (RedisException e) {
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
            "OK".equals(commands().set(claimKey(key), owner, SetArgs.Builder.nx().px(claimFor)));
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
    } catch (RedisException e) {
      failed("claim", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null; // no copy came in time: call the upstream rather than fail
  }

  @Override
  public void put(String key, Copy copy) {
    try {
      commands().set(copyKey(key), copy.toBytes(), SetArgs.Builder.px(keepFor));
    } catch (RedisException e) {
      failed("put", e);
    }
    release(key);
  }

  @Override
  public void release(String key) {
    try {
      commands().eval(RELEASE, ScriptOutputType.INTEGER, new byte[][] {claimKey(key)}, owner);
    } catch (RedisException e) {
      failed("release", e);
    }
  }

  @Override
  public void close() {
    client.shutdown();
  }

  /** Connects on first use, so that a relay starts and serves while Redis is down. */
  private RedisCommands<byte[], byte[]> commands() {
    StatefulRedisConnection<byte[], byte[]> current = connection;
    if (current == null) {
      synchronized (this) {
        current = connection;
        if (current == null) {
          current = client.connect(ByteArrayCodec.INSTANCE);
          connection = current;
        }
      }
    }
    return current.sync();
  }

  private void failed(String operation, RedisException e) {
    errors.increment();
    log.warn("menu shared cache failed operation={} error={}", operation, e.toString());
  }

  private byte[] copyKey(String key) {
    return (prefix + "copy:" + key).getBytes(StandardCharsets.UTF_8);
  }

  private byte[] claimKey(String key) {
    return (prefix + "claim:" + key).getBytes(StandardCharsets.UTF_8);
  }
}
