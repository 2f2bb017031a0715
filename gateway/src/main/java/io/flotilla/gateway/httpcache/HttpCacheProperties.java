package io.flotilla.gateway.httpcache;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's edge cache ({@code flotilla.http-cache.*}), e.g. {@code
 * FLOTILLA_HTTP_CACHE_ENABLED=false}.
 *
 * @param enabled whether answers the services mark as shareable are kept and answered from memory
 * @param maxSize how many body bytes the cache holds in total; the least used go first
 * @param maxEntrySize the largest body kept; a larger one is passed on and not kept
 */
@ConfigurationProperties("flotilla.http-cache")
record HttpCacheProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("64MB") DataSize maxSize,
    @DefaultValue("1MB") DataSize maxEntrySize) {}
