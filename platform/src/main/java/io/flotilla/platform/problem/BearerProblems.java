package io.flotilla.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The 401, 403 and 503 answers of a bearer-token API, as problem+json with the RFC 6750 challenge.
 * The details never carry the token decoder's messages (they name libraries and claims), and the
 * challenge names no RFC 9728 metadata URL, which would be wrong behind the gateway.
 *
 * <pre>{@code
 * var problems = new BearerProblems("/api/v1/auth/login");
 * http.oauth2ResourceServer(server -> server.jwt(jwt -> {})
 *         .authenticationEntryPoint(problems).accessDeniedHandler(problems))
 *     .exceptionHandling(handling ->
 *         handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
 * }</pre>
 */
public final class BearerProblems
    implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

  private static final Logger log = LoggerFactory.getLogger(BearerProblems.class);

  private final String missing;
  private final String invalid;

  /**
   * @param loginPath where a client gets a token, named in the details
   */
  public BearerProblems(String loginPath) {
    this(
        "This request needs a bearer token: log in at "
            + loginPath
            + " and send Authorization: Bearer <access_token>.",
        "The bearer token is invalid or has expired; log in again at " + loginPath + ".");
  }

  private BearerProblems(String missing, String invalid) {
    this.missing = missing;
    this.invalid = invalid;
  }

  /** For the private endpoints, which only Flotilla's services call, with a service token. */
  public static BearerProblems forServiceTokens() {
    return new BearerProblems(
        "This endpoint is for Flotilla's services only: send Authorization: Bearer <service"
            + " token>, a token for this service signed with the shared service secret"
            + " (./flotilla token <service> makes one from FLOTILLA_SERVICE_SECRET).",
        "The service token is invalid, has expired, or is for another service.");
  }

  /** 401: a bare challenge when no bearer token came, {@code invalid_token} when one failed. */
  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    if (bearerTokenSent(request)) {
      response.setHeader(
          HttpHeaders.WWW_AUTHENTICATE,
          "Bearer error=\"invalid_token\", error_description=\"The token is invalid or has"
              + " expired\"");
      ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, invalid);
    } else {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, missing);
    }
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
    ProblemResponses.write(
        request, response, HttpStatus.FORBIDDEN, "This token does not allow this request.");
  }

  /**
   * For the bearer-token filter's failures: a token that cannot be checked because the keys are out
   * of reach is the server's problem, not the client's: 503, so the client retries instead of
   * logging in again. Any other failure is a 401.
   */
  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    if (exception instanceof AuthenticationServiceException) {
      log.warn("bearer token not checked: {}", exception.getMessage());
      response.setHeader(HttpHeaders.RETRY_AFTER, "5");
      ProblemResponses.write(
          request,
          response,
          HttpStatus.SERVICE_UNAVAILABLE,
          "Bearer tokens cannot be checked right now (the keys that verify them are out of"
              + " reach); try again shortly.");
      return;
    }
    commence(request, response, exception);
  }

  private static boolean bearerTokenSent(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
  }
}
