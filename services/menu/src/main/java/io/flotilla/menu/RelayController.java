package io.flotilla.menu;

import io.flotilla.platform.client.ServiceClients;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The relay: {@code GET /{path}} answers the lunch-menu API's {@code /api/{path}}, query string
 * included, with the upstream's JSON body unchanged and the headers {@code X-Cache} (HIT, MISS or
 * STALE) and {@code Age}. The upstream's 404 and its failures are answered as problem+json.
 */
@RestController
class RelayController {

  static final String X_CACHE = "X-Cache";

  private final Relay relay;
  private final Duration breakerOpenFor;
  private final CacheControl freshCopy;

  RelayController(Relay relay, MenuProperties properties, ServiceClients clients) {
    this.relay = relay;
    this.breakerOpenFor = clients.settings(Upstream.SERVICE).circuitBreaker().openFor();
    // With Age, a shared cache in front (the gateway's) keeps a copy exactly as long as ours.
    this.freshCopy = CacheControl.maxAge(properties.ttl()).cachePublic();
  }

  @Operation(
      summary = "The restaurants",
      description =
          "The lunch-menu API's /api/restaurant: every restaurant with its identifier, name,"
              + " region, home page and coordinates. Cached (X-Cache, Age).")
  @ApiResponse(responseCode = "200", description = "the upstream's JSON, unchanged")
  @GetMapping("/restaurant")
  ResponseEntity<?> restaurants(HttpServletRequest request) {
    return relay(request);
  }

  @Operation(
      summary = "A restaurant's dishes of the day",
      description =
          "The lunch-menu API's /api/restaurant/{identifier}; no dishes at weekends. Cached"
              + " (X-Cache, Age); the last good copy is served as STALE while the upstream fails.")
  @ApiResponse(responseCode = "200", description = "the upstream's JSON, unchanged")
  @ApiResponse(responseCode = "404", description = "no restaurant with this identifier")
  @ApiResponse(
      responseCode = "502",
      description = "the upstream failed and no copy is fresh enough")
  @ApiResponse(responseCode = "503", description = "the upstream keeps failing: circuit open")
  @ApiResponse(responseCode = "504", description = "the upstream did not answer in time")
  @GetMapping("/restaurant/{identifier}")
  ResponseEntity<?> restaurant(
      @Parameter(description = "e.g. dufva, bikupan") @PathVariable String identifier,
      HttpServletRequest request) {
    return relay(request);
  }

  /**
   * Any other path of the upstream API, relayed the same way. Actuator's paths ({@code /health},
   * {@code /actuator/**}) and the OpenAPI document are mapped first and never relayed.
   */
  @Hidden
  @GetMapping("/**")
  ResponseEntity<?> relay(HttpServletRequest request) {
    // The raw, still percent-encoded path and query: relayed as received, and the cache key.
    String query = request.getQueryString();
    String key = query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    Relay.Answer answer = relay.answer(key);
    var headers = new HttpHeaders();
    headers.set(X_CACHE, answer.result().name());
    headers.set(HttpHeaders.AGE, Long.toString(answer.ageSeconds()));
    if (answer.copy().status() == HttpStatus.NOT_FOUND.value()) {
      var problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.NOT_FOUND, "The lunch-menu API has nothing at /api" + key + ".");
      return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(headers).body(problem);
    }
    return ResponseEntity.ok()
        .headers(headers)
        // A stale copy is the best there is now, not something to keep.
        .cacheControl(answer.result() == Relay.Result.STALE ? CacheControl.noCache() : freshCopy)
        .contentType(MediaType.APPLICATION_JSON)
        .body(answer.copy().body());
  }

  /** The original relay answered 404 here too: there is no {@code /api/} to relay at the root. */
  @Hidden
  @GetMapping("/")
  ResponseEntity<ProblemDetail> root() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(
            ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND,
                "Nothing is relayed at /. Ask for a path of the lunch-menu API, e.g. /restaurant"
                    + " or /restaurant/dufva."));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> upstreamFailed(UpstreamFailure failure) {
    HttpStatus status = failure.kind().status;
    var response = ResponseEntity.status(status);
    if (failure.kind() == UpstreamFailure.Kind.CIRCUIT_OPEN) {
      response.header(HttpHeaders.RETRY_AFTER, Long.toString(breakerOpenFor.toSeconds()));
    }
    return response.body(ProblemDetail.forStatusAndDetail(status, failure.getMessage()));
  }

  /** A path that is no URI once appended to the upstream's (Tomcat lets a few such through). */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> badPath(IllegalArgumentException invalid) {
    return ResponseEntity.badRequest()
        .body(
            ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "Not a path that can be relayed: " + invalid.getMessage()));
  }
}
