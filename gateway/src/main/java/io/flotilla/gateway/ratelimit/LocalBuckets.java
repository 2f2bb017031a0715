package io.flotilla.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flotilla.gateway.ratelimit.RateLimitProperties.Limit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Buckets in this gateway's memory (Bucket4j's local buckets, in a bounded Caffeine map): the
 * laptop mode's, where one gateway sees every request.
 */
final class LocalBuckets implements Buckets {

  private final Cache<String, Bucket> buckets;

  /** A bucket untouched for {@code idle} is full again, so it may be dropped and made anew. */
  LocalBuckets(long maxTracked, Duration idle) {
    this.buckets = Caffeine.newBuilder().maximumSize(maxTracked).expireAfterAccess(idle).build();
    // One bucket made and drained at start: the first client's would load some 40 classes of
    // Bucket4j on an event loop, in the middle of everyone's traffic (the warm-up's requests come
    // from this machine, which no limit applies to, so they never make one).
    take("", new Limit(1, Duration.ofSeconds(1)));
    take("", new Limit(1, Duration.ofSeconds(1)));
    buckets.invalidateAll();
  }

  @Override
  public Mono<Long> take(String key, Limit limit) {
    Bucket bucket =
        buckets.get(key, k -> Bucket.builder().addLimit(Buckets.bandwidthOf(limit)).build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return Mono.just(probe.isConsumed() ? 0L : Math.max(1, probe.getNanosToWaitForRefill()));
  }
}
