package io.flotilla.gateway.ratelimit;

import io.flotilla.gateway.ratelimit.RateLimitProperties.Limit;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * Buckets in a Redis that every gateway replica shares (Bucket4j's Lettuce proxy manager, one
 * compare-and-swap script per request), so that replicas do not each grant a client the limit.
 */
final class RedisBuckets implements Buckets {

  private final AsyncProxyManager<String> buckets;
  private final String prefix;
  private final AutoCloseable client;

  RedisBuckets(
      StatefulRedisConnection<String, byte[]> redis,
      String prefix,
      Duration timeout,
      AutoCloseable client) {
    this.prefix = prefix;
    this.client = client;
    this.buckets =
        Bucket4jLettuce.casBasedBuilder(redis)
            // A full bucket is the same as none: Redis forgets it once it would be full again.
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofSeconds(10)))
            .requestTimeout(timeout)
            .build()
            .asAsync();
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (Exception e) {
      throw new IllegalStateException("the rate limits' Redis client did not close", e);
    }
  }

  @Override
  public Mono<Long> take(String key, Limit limit) {
    var configuration =
        CompletableFuture.completedFuture(
            BucketConfiguration.builder().addLimit(Buckets.bandwidthOf(limit)).build());
    return Mono.fromFuture(() ->
            buckets
                .builder()
                .build(prefix + key, () -> configuration)
                .tryConsumeAndReturnRemaining(1))
        .map(probe -> probe.isConsumed() ? 0L : Math.max(1, probe.getNanosToWaitForRefill()));
  }
}
