package io.flotilla.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway calls the services behind it ({@code FLOTILLA_GATEWAY_CONNECT_TIMEOUT} and so
 * on), as durations like every other Flotilla setting.
 *
 * @param connectTimeout how long to wait for a connection to a service; past it, 503
 * @param responseTimeout how long to wait for a service's answer; past it, 504
 * @param retries how many more instances a GET or HEAD that could not reach one tries
 */
@ConfigurationProperties("flotilla.gateway")
record ServiceCallProperties(Duration connectTimeout, Duration responseTimeout, int retries) {

  ServiceCallProperties {
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
    responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
  }
}
