package io.flotilla.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's rate limits ({@code flotilla.gateway.rate-limit.*}), e.g. {@code
 * FLOTILLA_GATEWAY_RATE_LIMIT_LOGIN_REQUESTS=5}. Each limit is a bucket of {@code requests} that
 * refills evenly over {@code per}: a burst of that many, then that many per period.
 *
 * @param enabled whether requests are limited at all
 * @param perAddress every request past the edge cache, per client address
 * @param perAccount every request with a bearer token, per token (see {@link RateLimits})
 * @param login {@code POST /api/v1/auth/login}, per client address
 * @param registration {@code POST /api/v1/users}, per client address
 * @param unlimited client addresses or ranges that are never limited: by default the machine itself
 * @param redisUrl a Redis (redis://host:6379) whose buckets every gateway replica shares; empty:
 *     each gateway counts in its own memory
 * @param redisKeyPrefix the prefix of the buckets' keys in Redis
 * @param maxTracked how many buckets one gateway keeps in memory; the least recently used go first
 */
@ConfigurationProperties("flotilla.gateway.rate-limit")
record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    Limit perAddress,
    Limit perAccount,
    Limit login,
    Limit registration,
    @DefaultValue({"127.0.0.1", "::1"}) List<String> unlimited,
    @DefaultValue("") String redisUrl,
    @DefaultValue("flotilla:rate-limit:") String redisKeyPrefix,
    @DefaultValue("100000") long maxTracked) {

  RateLimitProperties {
    perAddress = perAddress == null ? new Limit(1000, Duration.ofSeconds(10)) : perAddress;
    perAccount = perAccount == null ? new Limit(500, Duration.ofSeconds(10)) : perAccount;
    login = login == null ? new Limit(10, Duration.ofMinutes(1)) : login;
    registration = registration == null ? new Limit(10, Duration.ofHours(1)) : registration;
  }

  /**
   * @param requests how many requests a burst may have, and how many come back per {@code per}
   * @param per the time in which the bucket refills
   */
  record Limit(int requests, Duration per) {

    Limit {
      if (requests < 1 || per == null || per.isNegative() || per.isZero()) {
        throw new IllegalArgumentException(
            "a rate limit needs requests >= 1 and a positive period, got "
                + requests
                + " per "
                + per);
      }
    }
  }
}
