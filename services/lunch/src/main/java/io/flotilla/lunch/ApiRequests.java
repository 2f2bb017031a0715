package io.flotilla.lunch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Counts every {@code /api/**} request that reaches the API by outcome in {@code lunch.requests}
 * (registered for that path only), so that the relay's tests and benchmark can see how often it
 * called upstream. Requests the platform's fault injection answered never get here: they are in
 * {@code flotilla_faults_injected_total}.
 */
class ApiRequests implements HandlerInterceptor {

  enum Outcome {
    OK,
    NOT_FOUND,
    /** Any other 4xx or 5xx, such as a 405 for a POST. */
    ERROR
  }

  private final Map<Outcome, Counter> requests = new EnumMap<>(Outcome.class);

  ApiRequests(MeterRegistry registry) {
    // Registered up front, so that every outcome is scraped as 0 before it first happens.
    for (Outcome outcome : Outcome.values()) {
      requests.put(
          outcome,
          Counter.builder("lunch.requests")
              .description("Requests to /api/** by outcome")
              .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
  }

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
