package io.flotilla.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells a service which client a request came from: {@code X-Forwarded-For} with the one address
 * the gateway decided on ({@link RateLimits}). Spring Cloud Gateway removes every {@code
 * X-Forwarded-*} header a client sent (its own trusted proxies are not set); this runs after that.
 */
final class ForwardedClient implements HttpHeadersFilter, Ordered {

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    String client = exchange.getAttribute(RateLimits.CLIENT);
    if (client == null) {
      return input;
    }
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(input);
    headers.set(RateLimits.X_FORWARDED_FOR, client);
    return headers;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
