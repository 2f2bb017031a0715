package io.flotilla.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a client may send, e.g. {@code FLOTILLA_REQUESTS_MAX_BODY_SIZE=128KB}.
 *
 * @param maxBodySize the largest request body a servlet service accepts; a larger one is answered
 *     413
 * @param receiveTimeout how long the gateway (Netty) waits for a whole request to arrive, however
 *     steadily it trickles in; past it the connection is closed
 */
@ConfigurationProperties("flotilla.requests")
record RequestLimits(
    @DefaultValue("64KB") DataSize maxBodySize, @DefaultValue("60s") Duration receiveTimeout) {}
