package io.flotilla.gateway.status;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The services behind the gateway ({@code flotilla.services.<name>}, in the order written) and how
 * the status endpoint asks them.
 */
@ConfigurationProperties("flotilla")
record StatusProperties(Map<String, URI> services, Check status) {

  StatusProperties {
    services = services == null ? Map.of() : services;
    status = status == null ? new Check(null, null) : status;
  }

  record Check(Duration timeout, Duration cacheFor) {

    Check {
      timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
      cacheFor = cacheFor == null ? Duration.ofSeconds(2) : cacheFor;
    }
  }
}
