package io.flotilla.platform.httpcache;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The HTTP cache in front of a service ({@code flotilla.http-cache.*}), e.g. {@code
 * FLOTILLA_HTTP_CACHE_ENABLED=false}.
 *
 * @param enabled whether answers the service marks as shareable are kept and answered from memory;
 *     off unless a service turns it on (the gateway, math and the menu relay do)
 * @param maxSize how many body bytes the cache holds in total; the least used go first
 * @param maxEntrySize the largest body kept; a larger one is passed on and not kept
 */
@ConfigurationProperties("flotilla.http-cache")
record HttpCacheProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("64MB") DataSize maxSize,
    @DefaultValue("1MB") DataSize maxEntrySize) {}
