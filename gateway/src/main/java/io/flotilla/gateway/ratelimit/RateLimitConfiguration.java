package io.flotilla.gateway.ratelimit;

import io.flotilla.platform.TrustedProxies;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rate limits' buckets: in memory, or in Redis when {@code
 * flotilla.gateway.rate-limit.redis-url} is set (the process topology, Compose, Kubernetes).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

  /** Short: a slow Redis must not hold a request longer than the refusal it might give. */
  static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);

  @Bean
  RateLimits rateLimits(
      RateLimitProperties settings, TrustedProxies proxies, Buckets buckets, MeterRegistry meters) {
    return new RateLimits(settings, proxies, buckets, meters);
  }

  @Bean
  ForwardedClient forwardedClient() {
    return new ForwardedClient();
  }

  @Bean(destroyMethod = "close")
  Buckets buckets(RateLimitProperties settings) {
    if (settings.redisUrl().isBlank()) {
      Duration longest =
          Stream.of(
                  settings.perAddress(),
                  settings.perAccount(),
                  settings.login(),
                  settings.registration())
              .map(RateLimitProperties.Limit::per)
              .max(Duration::compareTo)
              .orElseThrow();
      return new LocalBuckets(settings.maxTracked(), longest);
    }
    RedisClient client = RedisClient.create(settings.redisUrl());
    // While Redis is unreachable a check fails at once (and the request is let through).
    client.setOptions(
        ClientOptions.builder()
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(REDIS_TIMEOUT))
            .build());
    StatefulRedisConnection<String, byte[]> connection =
        client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    return new RedisBuckets(connection, settings.redisKeyPrefix(), REDIS_TIMEOUT, client);
  }
}
