package io.flotilla.platform;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * A request whose target is not a URI gets a problem+json 400 that says so, from Reactor Netty,
 * before Spring WebFlux: Spring cannot read such a request and answers it with an empty 400. Last
 * of the routes, so a service may answer these in its own shape first (math does).
 */
final class UnreadableRequestTargets implements NettyRouteProvider, Ordered {

  private static final byte[] PROBLEM =
      """
      {"title":"Bad Request","status":400,"detail":"The request target is not a valid URI: \
      a space, a quote, < > { } | \\\\ ^ ` and a % that does not start a two-digit hex escape \
      must be percent-encoded."}\
      """
          .getBytes(StandardCharsets.UTF_8);

  @Override
  public HttpServerRoutes apply(HttpServerRoutes routes) {
    return routes.route(
        request -> !RequestTargets.readable(request.uri()),
        (request, response) ->
            response
                .status(HttpStatus.BAD_REQUEST.value())
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .header(
                    RequestIds.HEADER,
                    RequestIds.acceptOrCreate(request.requestHeaders().get(RequestIds.HEADER)))
                .sendByteArray(Mono.just(PROBLEM))
                .then());
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
