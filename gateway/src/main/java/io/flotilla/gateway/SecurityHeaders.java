package io.flotilla.gateway;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The browser-facing headers of everything the gateway answers, its own and proxied: no MIME
 * sniffing, no referrer beyond this origin, never framed. HTML pages (the web app, the portal) also
 * get a Content-Security-Policy that allows only this origin's scripts and styles, none inline: the
 * web app keeps its token in sessionStorage, so injected script must not run. Swagger UI builds its
 * page with inline script and style, so it gets only the framing rule.
 */
@Component
class SecurityHeaders implements WebFilter, Ordered {

  static final String POLICY =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpResponse response = exchange.getResponse();
    String path = exchange.getRequest().getPath().value();
    response.beforeCommit(() -> {
      HttpHeaders headers = response.getHeaders();
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("Referrer-Policy", "same-origin");
      headers.set("X-Frame-Options", "DENY");
      MediaType type = headers.getContentType();
      if (type != null && type.isCompatibleWith(MediaType.TEXT_HTML)) {
        headers.set(
            "Content-Security-Policy",
            path.startsWith("/swagger-ui") ? "frame-ancestors 'none'" : POLICY);
      }
      return Mono.empty();
    });
    return chain.filter(exchange);
  }

  /** Early, so that every answer gets them, also one that a later filter makes alone. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}
