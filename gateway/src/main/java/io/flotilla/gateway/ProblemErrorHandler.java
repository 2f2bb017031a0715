package io.flotilla.gateway;

import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Every error the gateway itself answers is RFC 9457 problem+json, and a service that is down or
 * slow gets the right status at once: 503 when it cannot be reached, 504 when it does not answer in
 * time. Runs before Spring Boot's default handler, which would answer 500 for a refused connection.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements WebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

  private final ServerResponse.Context context;

  ProblemErrorHandler(ServerCodecConfigurer codecs) {
    List<HttpMessageWriter<?>> writers = codecs.getWriters();
    this.context =
        new ServerResponse.Context() {
          @Override
          public List<HttpMessageWriter<?>> messageWriters() {
            return writers;
          }

          @Override
          public List<ViewResolver> viewResolvers() {
            return List.of();
          }
        };
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    String path = exchange.getRequest().getPath().value();
    ProblemDetail problem = problemFor(error, serviceOf(exchange), path);
    problem.setInstance(URI.create(path));
    return ServerResponse.status(problem.getStatus())
        // The headers an answer carries, such as a refusal's Retry-After.
        .headers(headers -> headers.addAll(headersOf(error)))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(problem)
        .flatMap(response -> response.writeTo(exchange, context));
  }

  private static ProblemDetail problemFor(Throwable error, String service, String path) {
    if (error instanceof ReadTimeoutException) {
      // The client's own request stalled (the server's read timeout, NettyRequestLimits): a
      // service that is slow to answer is a 504 from the route instead.
      return problem(
          HttpStatus.REQUEST_TIMEOUT,
          "The rest of the request did not arrive in time; send the whole body without pausing.");
    }
    if (isConnectFailure(error)) {
      log.warn("{} service unreachable: {}", service, error.toString());
      return problem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "The " + service + " service cannot be reached right now; try again shortly.");
    }
    if (isBrokenAnswer(error)) {
      log.warn("{} service broke off its answer: {}", service, error.toString());
      return problem(
          HttpStatus.BAD_GATEWAY,
          "The " + service + " service closed the connection without a complete answer.");
    }
    if (error instanceof ErrorResponseException answer
        && !(error instanceof ResponseStatusException)) {
      return answer.getBody();
    }
    if (error instanceof ResponseStatusException status) {
      HttpStatusCode code = status.getStatusCode();
      if (code.value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
        log.warn("{} service timed out: {}", service, status.getReason());
        return problem(code, "The " + service + " service did not answer in time.");
      }
      if (code.value() == HttpStatus.NOT_FOUND.value()) {
        return problem(code, "Nothing is served at " + path + " through the gateway.");
      }
      return problem(code, status.getReason() != null ? status.getReason() : status.getMessage());
    }
    log.error("Unexpected gateway error for the {} service", service, error);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The gateway failed to answer this request.");
  }

  private static HttpHeaders headersOf(Throwable error) {
    return error instanceof ErrorResponseException answer ? answer.getHeaders() : HttpHeaders.EMPTY;
  }

  private static ProblemDetail problem(HttpStatusCode status, String detail) {
    return ProblemDetail.forStatusAndDetail(status, detail);
  }

  private static boolean isConnectFailure(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      // Netty's connect timeout extends ConnectException too.
      if (cause instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }

  /** The service accepted the request, then dropped the connection (crashed, restarting...). */
  private static boolean isBrokenAnswer(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof PrematureCloseException || cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String serviceOf(ServerWebExchange exchange) {
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    return route == null ? "requested" : route.getId();
  }
}
