package io.flotilla.math;

import io.flotilla.math.MathBodies.PathFailure;
import io.flotilla.math.MathBodies.QueryFailure;
import io.flotilla.platform.RequestIds;
import io.flotilla.platform.RequestTargets;
import java.util.Set;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request to the API whose path or query is not valid percent-encoded UTF-8 ({@code n=%},
 * {@code n=%FF}, {@code /factorial/%E0/}, {@code n=<5>}) in the seeds' shapes. Spring would answer
 * the first kind with an empty 400 and read the second as U+FFFD, so the client would not learn
 * what was wrong. Reactor Netty asks this route first; every other request goes on to Spring.
 */
@Component
class UndecodableRequests implements NettyRouteProvider, Ordered {

  private static final Set<String> ALGORITHMS = Set.of("factorial", "fibonacci", "ackermann");

  private final JsonMapper json;

  UndecodableRequests(JsonMapper json) {
    this.json = json;
  }

  @Override
  public HttpServerRoutes apply(HttpServerRoutes routes) {
    return routes.route(
        request -> !RequestTargets.wellFormed(request.uri()) && inTheApi(request.uri()),
        this::refuse);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE; // before the platform's route for targets that are no URI
  }

  private static boolean inTheApi(String target) {
    return ALGORITHMS.contains(segments(target)[0]);
  }

  /** The path's segments, still percent-encoded, without the leading slash. */
  private static String[] segments(String target) {
    String path = RequestTargets.originForm(target).split("[?#]", 2)[0];
    return path.substring(1).split("/", -1);
  }

  private Mono<Void> refuse(HttpServerRequest request, HttpServerResponse response) {
    String[] segments = segments(request.uri());
    Object body;
    if (segments.length == 1) {
      body = new QueryFailure(segments[0], InvalidInputException.undecodableQuery());
    } else {
      String value = firstUndecodable(segments);
      body =
          value == null
              ? new PathFailure(InvalidInputException.undecodableQuery().getMessage())
              : new PathFailure(InvalidInputException.undecodable(value));
    }
    return response
        .status(HttpStatus.BAD_REQUEST.value())
        .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
        .header(
            RequestIds.HEADER,
            RequestIds.acceptOrCreate(request.requestHeaders().get(RequestIds.HEADER)))
        .sendByteArray(Mono.just(json.writeValueAsBytes(body)))
        .then();
  }

  /** The segment to name in seed 001's error, as the client sent it; null if the query is bad. */
  private static String firstUndecodable(String[] segments) {
    for (String segment : segments) {
      if (!RequestTargets.wellFormed("/" + segment)) {
        return segment;
      }
    }
    return null;
  }
}
