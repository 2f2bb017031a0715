package io.flotilla.gateway.edgecache;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's HTTP cache ({@code flotilla.gateway.edge-cache.*}), e.g. {@code
 * FLOTILLA_GATEWAY_EDGE_CACHE_ENABLED=false}.
 *
 * @param enabled whether cacheable answers are kept and served by the gateway
 * @param maxSize how many body bytes the cache holds in total; the least used go first
 * @param maxEntrySize the largest body kept; a larger one is passed on and not kept
 */
@ConfigurationProperties("flotilla.gateway.edge-cache")
record EdgeCacheProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("64MB") DataSize maxSize,
    @DefaultValue("1MB") DataSize maxEntrySize) {}
