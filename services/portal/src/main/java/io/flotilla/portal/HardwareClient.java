package io.flotilla.portal;

import static io.flotilla.platform.ServiceCalls.causedBy;

import io.flotilla.platform.ServiceCalls;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads the hardware list from one of several hardware replicas. Pages take turns over the replicas
 * (round-robin); a replica that cannot be reached, times out or answers with an error is skipped
 * for the next one, each replica at most once per page, so one replica down still gives a page. A
 * replica that failed is tried after the others for {@code replica-cooldown}. Every call is timed
 * by {@code portal.hardware.calls} with tags {@code replica} and {@code outcome}.
 */
@Component
class HardwareClient {

  private static final Logger log = LoggerFactory.getLogger(HardwareClient.class);

  private static final ParameterizedTypeReference<List<Hardware>> HARDWARE_LIST =
      new ParameterizedTypeReference<>() {};

  private final RestClient client;
  private final List<String> replicas;
  private final AtomicInteger turn = new AtomicInteger();
  private final MeterRegistry meters;
  private final long cooldownNanos;

  /** When each replica last failed (System.nanoTime); a success clears it. */
  private final Map<String, Long> lastFailure = new ConcurrentHashMap<>();

  HardwareClient(RestClient.Builder builder, PortalProperties properties, MeterRegistry meters) {
    // Boot's builder brings its JSON converters and the client observations (metrics, traceparent).
    this.client =
        builder
            .requestFactory(
                ServiceCalls.requestFactory(properties.connectTimeout(), properties.readTimeout()))
            .build();
    this.replicas = properties.hardwareUrls().stream().map(HardwareClient::baseUrl).toList();
    this.meters = meters;
    this.cooldownNanos = properties.replicaCooldown().toNanos();
  }

  /**
   * The hardware list, in hardware's order, from the first replica that answers.
   *
   * @throws HardwareUnavailableException when no replica answered
   */
  List<Hardware> list() {
    for (String replica : replicasInTurn()) {
      long start = System.nanoTime();
      try {
        List<Hardware> items = fetch(replica);
        lastFailure.remove(replica);
        record(replica, "success", start);
        return items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
      } catch (RestClientException failure) {
        String outcome = outcome(failure);
        lastFailure.put(replica, System.nanoTime());
        record(replica, outcome, start);
        log.warn(
            "hardware call failed replica={} outcome={} error={}",
            replica,
            outcome,
            // The root cause says what happened (a refused connection has no message of its own).
            NestedExceptionUtils.getMostSpecificCause(failure).toString());
      }
    }
    throw new HardwareUnavailableException(replicas.size());
  }

  /**
   * Every replica once, starting at the next one in turn; those that failed within the cooldown
   * come last, still in turn, so they are tried only when the others fail too.
   */
  private List<String> replicasInTurn() {
    int first = Math.floorMod(turn.getAndIncrement(), replicas.size());
    List<String> order = new ArrayList<>(replicas.size());
    for (int i = 0; i < replicas.size(); i++) {
      order.add(replicas.get((first + i) % replicas.size()));
    }
    long now = System.nanoTime();
    order.sort(Comparator.comparing(replica -> coolingDown(replica, now))); // stable: keeps turn
    return order;
  }

  private boolean coolingDown(String replica, long now) {
    Long failedAt = lastFailure.get(replica);
    return failedAt != null && now - failedAt < cooldownNanos;
  }

  /** The platform passes the request id on: the builder comes from Boot, customized by it. */
  private List<Hardware> fetch(String replica) {
    return client.get().uri(replica + "/hardware/").retrieve().body(HARDWARE_LIST);
  }

  private void record(String replica, String outcome, long start) {
    Timer.builder("portal.hardware.calls")
        .description("Calls from the portal to a hardware replica")
        .tag("replica", replica)
        .tag("outcome", outcome)
        .register(meters)
        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }

  /** Why a call failed, as a metric tag: few values, each pointing at a different fix. */
  static String outcome(RestClientException failure) {
    return switch (failure) {
      case HttpServerErrorException e -> "server_error";
      case HttpClientErrorException e -> "client_error";
      case ResourceAccessException e when causedBy(e, ConnectException.class) -> "unreachable";
      case ResourceAccessException e when causedBy(e, HttpConnectTimeoutException.class) ->
          "unreachable";
      case ResourceAccessException e when causedBy(e, HttpTimeoutException.class) -> "timeout";
      case ResourceAccessException e -> "io_error";
      default -> "bad_response";
    };
  }

  /** A replica's URL without a trailing slash, so that "/hardware/" can be appended to it. */
  private static String baseUrl(URI url) {
    String text = url.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
