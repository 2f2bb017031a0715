package io.flotilla.platform;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * How a Flotilla service calls another over HTTP, so that every caller does it the same way: give
 * {@link #requestFactory} to Boot's {@code RestClient.Builder} (which brings the client metrics,
 * trace context and, through the platform, the request id).
 */
public final class ServiceCalls {

  private ServiceCalls() {}

  /** The JDK client with both timeouts, on HTTP/1.1. */
  public static ClientHttpRequestFactory requestFactory(
      Duration connectTimeout, Duration readTimeout) {
    return ClientHttpRequestFactoryBuilder.jdk()
        // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every new connection.
        .withHttpClientCustomizer(http -> http.version(HttpClient.Version.HTTP_1_1))
        .build(HttpClientSettings.defaults().withTimeouts(connectTimeout, readTimeout));
  }

  /** Whether a failure or any of its causes is of the type, e.g. a ConnectException. */
  public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
