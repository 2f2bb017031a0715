package io.flotilla.platform.faults;

import io.flotilla.platform.problem.BearerProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only a service token for this service reach the {@code faults} endpoint, read or write: the
 * private endpoints' check (the platform's decoder and 401 answers) as a plain servlet filter, so
 * that it works in the services without Spring Security's filter chain too. Everything else on the
 * management port (health, Prometheus) passes untouched.
 */
final class FaultsSwitchGuard extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(FaultsSwitchGuard.class);

  private final RequestMatcher endpoint;
  private final JwtDecoder tokens;
  private final BearerProblems problems = BearerProblems.forServiceTokens();

  /**
   * @param path the endpoint's path on the management port, e.g. {@code /actuator/faults}; matched
   *     as Spring MVC matches it (decoded, without path parameters), so no spelling slips past
   * @param tokens the check of service tokens for this service
   */
  FaultsSwitchGuard(String path, JwtDecoder tokens) {
    this.endpoint = PathPatternRequestMatcher.withDefaults().matcher(path + "/**");
    this.tokens = tokens;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !endpoint.matches(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      problems.commence(
          request, response, new InsufficientAuthenticationException("no service token"));
      return;
    }
    try {
      tokens.decode(authorization.substring(7).strip());
    } catch (JwtException invalid) {
      log.debug("fault switch: service token refused: {}", invalid.getMessage());
      problems.commence(request, response, new BadCredentialsException("invalid", invalid));
      return;
    }
    // The token was for the switch and has been checked: a service's own security, which may
    // take any bearer token for a user's (tweets' does), must not judge it again.
    chain.doFilter(withoutAuthorization(request), response);
  }

  private static HttpServletRequest withoutAuthorization(HttpServletRequest request) {
    return new HttpServletRequestWrapper(request) {
      @Override
      public String getHeader(String name) {
        return authorization(name) ? null : super.getHeader(name);
      }

      @Override
      public Enumeration<String> getHeaders(String name) {
        return authorization(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
      }

      @Override
      public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(
            Collections.list(super.getHeaderNames()).stream()
                .filter(header -> !authorization(header))
                .toList());
      }
    };
  }

  private static boolean authorization(String header) {
    return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(header);
  }
}
