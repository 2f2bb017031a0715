package io.flotilla.menu;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The relay's settings. Overridable like any property, e.g. {@code
 * FLOTILLA_MENU_UPSTREAM_URL=https://menu.example.org} or {@code FLOTILLA_MENU_TTL=30s}. How the
 * relay calls the upstream (timeouts, circuit breaker) is the platform's client's {@code
 * flotilla.client.services.lunch.*}.
 *
 * @param upstreamUrl the lunch-menu API's base URL; {@code GET /x} is relayed to {@code
 *     {upstreamUrl}/api/x}
 * @param ttl how long an upstream answer is served from the cache before it is fetched again
 * @param staleLimit how long the last good answer may stand in for an upstream that fails
 * @param maxBodySize the largest upstream body relayed; a larger one is a bad answer
 * @param maxEntries how many paths the cache of one relay keeps at most
 * @param redisUrl a Redis shared by every relay replica, e.g. {@code redis://localhost:6379}; empty
 *     for a cache of this relay's own
 * @param redisKeyPrefix the prefix of every key the relay writes to Redis
 */
@Validated
@ConfigurationProperties("flotilla.menu")
record MenuProperties(
    @DefaultValue("http://localhost:8089") @NotNull URI upstreamUrl,
    @DefaultValue("10s") @NotNull Duration ttl,
    @DefaultValue("10m") @NotNull Duration staleLimit,
    @DefaultValue("1MB") @NotNull DataSize maxBodySize,
    @DefaultValue("10000") @Min(1) long maxEntries,
    @DefaultValue("") String redisUrl,
    @DefaultValue("flotilla:menu:") @NotBlank String redisKeyPrefix) {

  boolean sharedCache() {
    return redisUrl != null && !redisUrl.isBlank();
  }
}
