package io.flotilla.platform.client;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Runs each call through the peer's circuit breaker, on the caller's thread (so the call keeps the
 * request's trace and log context); while the breaker is open, fails at once with {@link
 * CircuitOpenException}.
 */
record CircuitBreakerInterceptor(String service, CircuitBreaker breaker)
    implements ClientHttpRequestInterceptor {

  @Override
  public ClientHttpResponse intercept(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    try {
      return breaker.run(
          () -> {
            try {
              return execution.execute(request, body);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          },
          failure -> {
            if (failure instanceof CallNotPermittedException) {
              throw new CircuitOpenException(service);
            }
            throw failure instanceof RuntimeException unchecked
                ? unchecked
                : new IllegalStateException(failure);
          });
    } catch (UncheckedIOException e) {
      throw e.getCause(); // RestClient turns it into a ResourceAccessException, as without breaker
    }
  }
}
