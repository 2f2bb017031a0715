package io.flotilla.gateway.ratelimit;

import io.flotilla.gateway.ratelimit.RateLimitProperties.Limit;
import io.github.bucket4j.Bandwidth;
import reactor.core.publisher.Mono;

/** Token buckets by key: in this gateway's memory, or in a Redis that all replicas share. */
interface Buckets extends AutoCloseable {

  /**
   * Takes one request from the bucket of {@code key}, made with {@code limit} if it is new.
   *
   * @return nanoseconds until the bucket has a request again, 0 if this one was allowed
   */
  Mono<Long> take(String key, Limit limit);

  /** Lets go of what the buckets hold outside the JVM (a Redis connection). */
  @Override
  default void close() {}

  /** A burst of {@code requests}, refilled evenly (greedily) over {@code per}. */
  static Bandwidth bandwidthOf(Limit limit) {
    return Bandwidth.builder()
        .capacity(limit.requests())
        .refillGreedy(limit.requests(), limit.per())
        .build();
  }
}
