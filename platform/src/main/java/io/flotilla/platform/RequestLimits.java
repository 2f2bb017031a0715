package io.flotilla.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a client may send to a servlet service, e.g. {@code
 * FLOTILLA_REQUESTS_MAX_BODY_SIZE=128KB}.
 *
 * @param maxBodySize the largest request body accepted; a larger one is answered 413
 */
@ConfigurationProperties("flotilla.requests")
record RequestLimits(@DefaultValue("64KB") DataSize maxBodySize) {}
