package io.flotilla.menu;

import io.flotilla.menu.UpstreamFailure.Kind;
import io.flotilla.platform.client.CircuitOpenException;
import io.flotilla.platform.client.ServiceClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the lunch-menu API through the platform's client (timeouts, circuit breaker, load balancing
 * over the instances of {@code lunch}): one GET, answering a {@link Copy} or throwing an {@link
 * UpstreamFailure} that says what went wrong. Every call is timed by {@code menu.upstream.calls}
 * with an {@code outcome} tag; the breaker's state is published as {@code
 * resilience4j.circuitbreaker.*} with {@code name="lunch"}.
 */
@Component
class Upstream {

  static final String SERVICE = "lunch";

  private static final Logger log = LoggerFactory.getLogger(Upstream.class);
  private static final byte[] NO_BODY = {};

  private final RestClient client;
  private final String apiPath;
  private final int maxBodySize;
  private final JsonMapper json;
  private final Clock clock;
  private final MeterRegistry meters;

  Upstream(
      ServiceClients clients,
      MenuProperties properties,
      JsonMapper json,
      Clock clock,
      MeterRegistry meters) {
    this.client = clients.builder(SERVICE).build();
    // The upstream URL's host is an instance of lunch; a path in it prefixes every call.
    String path = properties.upstreamUrl().getRawPath();
    this.apiPath = (path == null ? "" : path.replaceAll("/+$", "")) + "/api";
    this.maxBodySize = Math.toIntExact(properties.maxBodySize().toBytes());
    this.json = json;
    this.clock = clock;
    this.meters = meters;
  }

  /**
   * The upstream's answer for a path and query as the relay received them (still percent-encoded).
   *
   * @throws UpstreamFailure when the upstream gave no usable answer or the breaker is open
   */
  Copy fetch(String pathAndQuery) {
    long start = System.nanoTime();
    String outcome = "success";
    try {
      Copy copy = call(pathAndQuery);
      outcome = copy.status() == 404 ? "not_found" : "success";
      return copy;
    } catch (UpstreamFailure failure) {
      outcome = failure.kind().tag;
      if (failure.kind() != Kind.CIRCUIT_OPEN) {
        log.warn(
            "menu upstream failed path={} outcome={} error={}",
            pathAndQuery,
            outcome,
            failure.getMessage());
      }
      throw failure;
    } finally {
      Timer.builder("menu.upstream.calls")
          .description("Calls from the relay to the lunch-menu API, by outcome")
          .tag("outcome", outcome)
          .register(meters)
          .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  private Copy call(String pathAndQuery) {
    try {
      return client
          .get()
          // Appended to the base URL as received: a URI template would encode its % again.
          .uri(base -> URI.create(base.build() + apiPath + pathAndQuery))
          .exchange((request, response) -> {
            int status = response.getStatusCode().value();
            if (status == 404) {
              return new Copy(404, NO_BODY, clock.millis());
            }
            if (!response.getStatusCode().is2xxSuccessful()) {
              throw new UpstreamFailure(
                  Kind.SERVER_ERROR, "The lunch-menu API answered " + status + ".");
            }
            return new Copy(
                200, jsonBody(response.getBody().readNBytes(maxBodySize + 1)), clock.millis());
          });
    } catch (CircuitOpenException open) {
      throw new UpstreamFailure(
          Kind.CIRCUIT_OPEN,
          "The lunch-menu API failed too often; the relay has stopped calling it for a while.");
    } catch (ResourceAccessException failure) {
      throw io(failure);
    }
  }

  private byte[] jsonBody(byte[] body) {
    if (body.length > maxBodySize) {
      throw new UpstreamFailure(
          Kind.BAD_BODY,
          "The lunch-menu API answered more than " + maxBodySize + " bytes, the relay's limit.");
    }
    try {
      json.readTree(body);
    } catch (JacksonException notJson) {
      throw new UpstreamFailure(Kind.BAD_BODY, "The lunch-menu API answered something not JSON.");
    }
    return body;
  }

  private UpstreamFailure io(ResourceAccessException failure) {
    Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
    return switch (failure.getCause()) {
      case HttpConnectTimeoutException e ->
          new UpstreamFailure(
              Kind.UNREACHABLE, "The lunch-menu API cannot be reached (" + cause + ").");
      case ConnectException e ->
          new UpstreamFailure(
              Kind.UNREACHABLE, "The lunch-menu API cannot be reached (" + cause + ").");
      case HttpTimeoutException e ->
          new UpstreamFailure(Kind.TIMEOUT, "The lunch-menu API did not answer in time.");
      case IOException e ->
          new UpstreamFailure(
              Kind.UNREACHABLE, "The lunch-menu API dropped the connection (" + cause + ").");
      case null, default ->
          new UpstreamFailure(Kind.SERVER_ERROR, "The lunch-menu API call failed: " + cause);
    };
  }
}
