package io.flotilla.menu;

import static io.flotilla.platform.ServiceCalls.causedBy;

import io.flotilla.menu.UpstreamFailure.Kind;
import io.flotilla.platform.ServiceCalls;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
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
 * Calls the lunch-menu API: one GET, with timeouts, behind a circuit breaker, answering a {@link
 * Copy} or throwing an {@link UpstreamFailure} that says what went wrong. Every call is timed by
 * {@code menu.upstream.calls} with an {@code outcome} tag; the breaker's state is published as
 * {@code resilience4j.circuitbreaker.*} with {@code name="upstream"}.
 */
@Component
class Upstream {

  private static final Logger log = LoggerFactory.getLogger(Upstream.class);
  private static final byte[] NO_BODY = {};

  private final RestClient client;
  private final String apiUrl;
  private final int maxBodySize;
  private final JsonMapper json;
  private final Clock clock;
  private final CircuitBreaker breaker;
  private final MeterRegistry meters;

  Upstream(
      RestClient.Builder builder,
      MenuProperties properties,
      JsonMapper json,
      Clock clock,
      MeterRegistry meters) {
    // Boot's builder brings the client observations (metrics, traceparent) and the request id.
    this.client =
        builder
            .requestFactory(
                ServiceCalls.requestFactory(properties.connectTimeout(), properties.readTimeout()))
            .build();
    String base = properties.upstreamUrl().toString();
    this.apiUrl = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api";
    this.maxBodySize = Math.toIntExact(properties.maxBodySize().toBytes());
    this.json = json;
    this.clock = clock;
    this.meters = meters;
    this.breaker = breaker(properties.breaker(), meters);
  }

  private static CircuitBreaker breaker(MenuProperties.Breaker settings, MeterRegistry meters) {
    var config =
        CircuitBreakerConfig.custom()
            .slidingWindowType(SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(settings.window())
            .minimumNumberOfCalls(settings.minimumCalls())
            .failureRateThreshold(settings.failureRate())
            .waitDurationInOpenState(settings.openFor())
            // One trial call after the pause: a dead upstream costs one timeout, not a burst.
            .permittedNumberOfCallsInHalfOpenState(1)
            // A 404 is an answer, not a failure: only UpstreamFailure counts against the upstream.
            .recordException(UpstreamFailure.class::isInstance)
            .build();
    var registry = CircuitBreakerRegistry.of(config);
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    return registry.circuitBreaker("upstream");
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
      Copy copy = breaker.executeSupplier(() -> call(pathAndQuery));
      outcome = copy.status() == 404 ? "not_found" : "success";
      return copy;
    } catch (CallNotPermittedException open) {
      outcome = Kind.CIRCUIT_OPEN.tag;
      throw new UpstreamFailure(
          Kind.CIRCUIT_OPEN,
          "The lunch-menu API failed too often; the relay has stopped calling it for a while.");
    } catch (UpstreamFailure failure) {
      outcome = failure.kind().tag;
      log.warn(
          "menu upstream failed path={} outcome={} error={}",
          pathAndQuery,
          outcome,
          failure.getMessage());
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
    URI uri = URI.create(apiUrl + pathAndQuery);
    try {
      return client
          .get()
          .uri(uri)
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
    if (causedBy(failure, HttpConnectTimeoutException.class)
        || causedBy(failure, ConnectException.class)) {
      return new UpstreamFailure(
          Kind.UNREACHABLE, "The lunch-menu API cannot be reached (" + cause + ").");
    }
    if (causedBy(failure, HttpTimeoutException.class)) {
      return new UpstreamFailure(Kind.TIMEOUT, "The lunch-menu API did not answer in time.");
    }
    if (causedBy(failure, IOException.class)) {
      return new UpstreamFailure(
          Kind.UNREACHABLE, "The lunch-menu API dropped the connection (" + cause + ").");
    }
    return new UpstreamFailure(Kind.SERVER_ERROR, "The lunch-menu API call failed: " + cause);
  }
}
