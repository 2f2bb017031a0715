package io.flotilla.platform.client;

import org.springframework.web.client.RestClientException;

/** A call that was not made: the peer failed too often lately and its circuit breaker is open. */
public class CircuitOpenException extends RestClientException {

  private final String service;

  CircuitOpenException(String service) {
    super(service + " failed too often lately; calls to it are paused");
    this.service = service;
  }

  public String service() {
    return service;
  }
}
