package io.flotilla.platform.faults;

import io.flotilla.platform.problem.ProblemResponses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Applies the faults in force to every request on the service's port but health, probes, Actuator
 * and the API docs, before security and the controllers: an outage is a dead service, whatever the
 * request. The management port has filters of its own, so the switch itself is never affected.
 *
 * <p>An outage answers 503 at once; otherwise the delay comes first and then the error rate, so
 * that a delayed request may still fail, as a slow and flaky service does. Each request hit is
 * counted in {@code flotilla_faults_injected_total{kind="delay|error|outage"}}.
 */
final class FaultFilter extends OncePerRequestFilter {

  private static final List<PathPattern> SPARED =
      List.of(
              "/health",
              "/livez",
              "/readyz",
              "/error",
              "/actuator/**",
              "/v3/api-docs/**",
              "/swagger-ui/**",
              "/swagger-ui.html")
          .stream()
          .map(PathPatternParser.defaultInstance::parse)
          .toList();

  private final Faults faults;
  private final String service;
  private final Counter delayed;
  private final Counter failed;
  private final Counter outages;

  FaultFilter(Faults faults, String service, MeterRegistry meters) {
    this.faults = faults;
    this.service = service;
    this.delayed = injected(meters, "delay");
    this.failed = injected(meters, "error");
    this.outages = injected(meters, "outage");
  }

  private static Counter injected(MeterRegistry meters, String kind) {
    return Counter.builder("flotilla.faults.injected")
        .description("Requests hit by an injected fault: delayed, failed (error) or outage")
        .tag("kind", kind)
        .register(meters);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    PathContainer path = PathContainer.parsePath(request.getRequestURI());
    return SPARED.stream().anyMatch(pattern -> pattern.matches(path));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    FaultSettings now = faults.current();
    if (now.outage()) {
      outages.increment();
      ProblemResponses.write(
          request,
          response,
          HttpStatus.SERVICE_UNAVAILABLE,
          "The " + service + " service is unavailable (injected fault: outage).");
      return;
    }
    if (now.delay().isPositive()) {
      delayed.increment();
      try {
        Thread.sleep(now.delay());
      } catch (InterruptedException e) {
        // Shutting down: serve the request without the rest of its delay.
        Thread.currentThread().interrupt();
      }
    }
    if (now.errorRate() > 0.0 && ThreadLocalRandom.current().nextDouble() < now.errorRate()) {
      failed.increment();
      ProblemResponses.write(
          request,
          response,
          HttpStatus.SERVICE_UNAVAILABLE,
          "The "
              + service
              + " service failed this request (injected fault: error rate "
              + now.errorRate()
              + ").");
      return;
    }
    chain.doFilter(request, response);
  }
}
