package io.flotilla.portal;

import io.flotilla.platform.client.ServiceClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads the hardware list through the platform's client: Spring Cloud LoadBalancer takes turns over
 * the hardware replicas, a replica that cannot be reached, times out or answers 5xx is skipped for
 * the next one (each at most once per page) and tried after the others for a cooldown. Every call
 * to a replica is timed by {@code portal.hardware.calls} with tags {@code replica} and {@code
 * outcome}.
 */
@Component
class HardwareClient {

  private static final Logger log = LoggerFactory.getLogger(HardwareClient.class);

  private static final ParameterizedTypeReference<List<Hardware>> HARDWARE_LIST =
      new ParameterizedTypeReference<>() {};

  /** The replica that answered a page's call, and when that call began. */
  private static final class Answered {
    String replica;
    long start;
  }

  private final RestClient hardware;
  private final MeterRegistry meters;

  HardwareClient(ServiceClients clients, MeterRegistry meters) {
    // After the load balancer's own interceptor: sees each attempt, at the replica chosen for it.
    this.hardware = clients.builder("hardware").requestInterceptor(this::timed).build();
    this.meters = meters;
  }

  /**
   * The hardware list, in hardware's order, from the first replica that answers.
   *
   * @throws HardwareUnavailableException when no replica answered
   */
  List<Hardware> list() {
    var answered = new Answered();
    try {
      List<Hardware> items =
          hardware
              .get()
              .uri("/hardware/")
              .attribute(Answered.class.getName(), answered)
              .retrieve()
              .body(HARDWARE_LIST);
      record(answered.replica, "success", answered.start);
      return items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
    } catch (RestClientException failure) {
      if (answered.replica != null && !(failure instanceof HttpStatusCodeException)) {
        record(answered.replica, "bad_response", answered.start);
        log.warn("hardware call failed replica={} outcome=bad_response", answered.replica);
      }
      throw new HardwareUnavailableException(failure);
    }
  }

  /** Times one attempt; a 2xx is recorded by {@link #list} once it has read the body. */
  private ClientHttpResponse timed(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    URI uri = request.getURI();
    String replica = uri.getScheme() + "://" + uri.getRawAuthority();
    long start = System.nanoTime();
    try {
      ClientHttpResponse response = execution.execute(request, body);
      HttpStatusCode status = response.getStatusCode();
      if (status.isError()) {
        failed(replica, status.is5xxServerError() ? "server_error" : "client_error", start, status);
      } else if (request.getAttributes().get(Answered.class.getName()) instanceof Answered page) {
        page.replica = replica;
        page.start = start;
      }
      return response;
    } catch (IOException e) {
      failed(replica, outcome(e), start, e);
      throw e;
    }
  }

  private void failed(String replica, String outcome, long start, Object error) {
    record(replica, outcome, start);
    // The error's text only: a refused connection or a timeout is an outcome, not a bug to trace.
    log.warn("hardware call failed replica={} outcome={} error={}", replica, outcome, "" + error);
  }

  private void record(String replica, String outcome, long start) {
    Timer.builder("portal.hardware.calls")
        .description("Calls from the portal to a hardware replica")
        .tag("replica", replica)
        .tag("outcome", outcome)
        .register(meters)
        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }

  /** Why a call got no answer, as a metric tag: few values, each pointing at a different fix. */
  static String outcome(IOException failure) {
    return switch (failure) {
      case ConnectException e -> "unreachable";
      case HttpConnectTimeoutException e -> "unreachable";
      case HttpTimeoutException e -> "timeout";
      default -> "io_error";
    };
  }
}
