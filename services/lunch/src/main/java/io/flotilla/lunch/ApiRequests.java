package io.flotilla.lunch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies the faults in force to {@code /api/**} (registered for that path only, so {@code
 * /health}, {@code /actuator/**} and {@code /faults} are never slowed or failed) and counts every
 * {@code /api/**} request by outcome in {@code lunch.requests}, so that the relay's tests and
 * benchmark can see how often it called upstream.
 *
 * <p>An outage answers at once; otherwise the delay comes first and then the error rate, so that a
 * delayed request may still fail, as a slow and flaky upstream does. The 503s are thrown, so the
 * platform answers them as problem+json like any other error.
 */
class FaultInjector implements HandlerInterceptor {

  enum Outcome {
    OK,
    INJECTED_ERROR,
    OUTAGE,
    NOT_FOUND,
    /** Any other 4xx or 5xx, such as a 405 for a POST. */
    ERROR
  }

  private final Faults faults;
  private final Map<Outcome, Counter> requests = new EnumMap<>(Outcome.class);
  private final Timer injectedDelay;

  FaultInjector(Faults faults, MeterRegistry registry) {
    this.faults = faults;
    // Registered up front, so that every outcome is scraped as 0 before it first happens.
    for (Outcome outcome : Outcome.values()) {
      requests.put(
          outcome,
          Counter.builder("lunch.requests")
              .description("Requests to /api/** by outcome")
              .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
    this.injectedDelay =
        Timer.builder("lunch.faults.delay")
            .description("Delays injected into /api/** requests, as configured")
            .register(registry);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws InterruptedException {
    FaultSettings now = faults.current();
    if (now.outage()) {
      requests.get(Outcome.OUTAGE).increment();
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "The lunch service is unavailable (injected fault: outage).");
    }
    if (now.delay().isPositive()) {
      // The configured delay, not a measurement: it says that (and how often) one was injected.
      injectedDelay.record(now.delay());
      Thread.sleep(now.delay());
    }
    if (now.errorRate() > 0.0 && ThreadLocalRandom.current().nextDouble() < now.errorRate()) {
      requests.get(Outcome.INJECTED_ERROR).increment();
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "The lunch service failed this request (injected fault: error rate "
              + now.errorRate()
              + ").");
    }
    return true;
  }

  /** Called only when {@link #preHandle} let the request through, so nothing is counted twice. */
  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    int status = response.getStatus();
    Outcome outcome =
        status == HttpStatus.NOT_FOUND.value()
            ? Outcome.NOT_FOUND
            : status >= 400 ? Outcome.ERROR : Outcome.OK;
    requests.get(outcome).increment();
  }
}
