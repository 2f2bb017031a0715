package io.flotilla.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * A request to a reactive service (the gateway) whose target is not a URI (an unescaped space,
 * quote, {@code <}, or a {@code %} without two hex digits) gets a problem+json 400 that says so,
 * from Reactor Netty, before Spring WebFlux: Spring reads the target with {@link URI}, and answers
 * what it cannot read with an empty 400. Servlet services have Tomcat refuse these targets, and
 * {@link ProblemErrorReportValve} write the answer.
 */
final class UnreadableRequestTargets implements NettyRouteProvider, Ordered {

  private static final byte[] PROBLEM =
      """
      {"title":"Bad Request","status":400,"detail":"%s"}\
      """
          .formatted(ProblemErrorReportValve.UNREADABLE_TARGET)
          .getBytes(StandardCharsets.UTF_8);

  @Override
  public HttpServerRoutes apply(HttpServerRoutes routes) {
    return routes.route(
        request -> !readable(request.uri()),
        (request, response) ->
            response
                .status(HttpStatus.BAD_REQUEST.value())
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                // Answered before the gateway's own filters, which would add it.
                .header("X-Content-Type-Options", "nosniff")
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

  /**
   * Whether Spring can read a target as Netty hands it over (the request line, one char per byte):
   * as the path and query of an http URI.
   */
  static boolean readable(String target) {
    return plain(target) || isUri(target); // plain: almost every request
  }

  private static boolean isUri(String target) {
    try {
      new URI("http://localhost" + originForm(target));
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /**
   * The path and query, as Spring takes them from the target: without the scheme and authority of
   * an absolute-form target ({@code http://host/path}), and starting with {@code /}.
   */
  static String originForm(String target) {
    int authority = target.indexOf("://");
    if (authority > 0 && authority < stop(target)) {
      int path = stop(target.substring(authority + 3)) + authority + 3;
      target = target.substring(path);
    }
    return target.startsWith("/") ? target : "/" + target;
  }

  /** Where a path, query or fragment begins (the length if none does). */
  private static int stop(String target) {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return i;
      }
    }
    return target.length();
  }

  /** Only letters, digits and punctuation that a URI takes as they are, and no escapes. */
  private static boolean plain(String target) {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~/?&=+,;:@!$'()*".indexOf(c) >= 0;
      if (!plain) {
        return false;
      }
    }
    return true;
  }
}
