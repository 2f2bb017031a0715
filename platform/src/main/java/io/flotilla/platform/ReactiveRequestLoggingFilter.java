package io.flotilla.platform;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Reactive services (the gateway): carries the request id, passing it on to whatever the request is
 * forwarded to, and logs every request with its duration.
 */
class ReactiveRequestLoggingFilter implements WebFilter, Ordered {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long start = System.nanoTime();
    String requestId =
        RequestIds.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
    ServerWebExchange withId =
        exchange
            .mutate()
            .request(request -> request.headers(h -> h.set(RequestIds.HEADER, requestId)))
            .build();
    var response = withId.getResponse();
    // Set at commit time, replacing the copy a proxied service sends back; logged then too,
    // when the status is final (error handlers run outside web filters). Logged inside the
    // request's observation, which WebFlux keeps in the Reactor context, so that the line carries
    // the trace id as a servlet service's does.
    response.beforeCommit(() ->
        Mono.deferContextual(context -> {
          response.getHeaders().set(RequestIds.HEADER, requestId);
          ServerHttpRequest request = withId.getRequest();
          HttpStatusCode status = response.getStatusCode();
          Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
          try (Observation.Scope scope = observation == null ? null : observation.openScope()) {
            RequestLog.answered(
                request.getMethod().name(),
                request.getURI().getRawPath(),
                request.getURI().getRawQuery(),
                status == null ? 200 : status.value(),
                start,
                requestId);
          }
          return Mono.empty();
        }));
    // A client that leaves before the answer starts cancels the chain: no commit, so say so here.
    return chain
        .filter(withId)
        .doOnCancel(() -> {
          if (!response.isCommitted()) {
            ServerHttpRequest request = withId.getRequest();
            RequestLog.disconnected(
                request.getMethod().name(),
                request.getURI().getRawPath(),
                request.getURI().getRawQuery(),
                start,
                requestId);
          }
        });
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
