package io.flotilla.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flotilla.gateway.ratelimit.RateLimitProperties.Limit;
import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two gateway replicas sharing their buckets through a real Redis ({@code FLOTILLA_TEST_REDIS_URL},
 * skipped without it): what one grants, the other cannot grant again.
 */
class RedisBucketsTest {

  private static RedisBuckets replica(String url, String prefix) {
    RedisClient client = RedisClient.create(url);
    return new RedisBuckets(
        client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE)),
        prefix,
        Duration.ofSeconds(2),
        client);
  }

  @Test
  void replicasDrawOnOneBucket() {
    String url = System.getenv("FLOTILLA_TEST_REDIS_URL");
    assumeTrue(url != null && !url.isBlank(), "FLOTILLA_TEST_REDIS_URL is not set");
    String prefix = "flotilla:test:" + UUID.randomUUID() + ":";
    var limit = new Limit(2, Duration.ofMinutes(1));

    try (var one = replica(url, prefix);
        var two = replica(url, prefix)) {
      assertThat(one.take("login:198.51.100.1", limit).block()).isZero();
      assertThat(two.take("login:198.51.100.1", limit).block()).isZero();
      assertThat(one.take("login:198.51.100.1", limit).block()).isPositive();
      assertThat(two.take("login:198.51.100.1", limit).block())
          .isPositive()
          .isLessThanOrEqualTo(Duration.ofSeconds(30).toNanos());
      assertThat(two.take("login:198.51.100.2", limit).block()).isZero();
    }
  }
}
