package io.flotilla.platform.credentials;

import java.util.Arrays;
import java.util.Set;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Endpoints of this service that only Flotilla's services may call: a bean of this type makes the
 * platform answer them only with a service token for this service (see {@link ServiceTokens}), and
 * 401 problem+json without one. Everything else keeps its own rules.
 *
 * <pre>{@code
 * @Bean
 * PrivateEndpoints changeFeed() {
 *   return PrivateEndpoints.paths("/internal/**");
 * }
 * }</pre>
 *
 * @param matcher the requests that need a service token
 */
public record PrivateEndpoints(RequestMatcher matcher) {

  /** RFC 9110's safe methods: what a read is. */
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  /**
   * Every request to these path patterns (Spring's, e.g. {@code /internal/**}), whatever its
   * method.
   */
  public static PrivateEndpoints paths(String... patterns) {
    return new PrivateEndpoints(anyOf(patterns));
  }

  /** The writes to these path patterns: every method but the safe ones; reads stay as they are. */
  public static PrivateEndpoints writes(String... patterns) {
    RequestMatcher paths = anyOf(patterns);
    return new PrivateEndpoints(
        request -> !SAFE.contains(request.getMethod()) && paths.matches(request));
  }

  private static RequestMatcher anyOf(String... patterns) {
    return new OrRequestMatcher(
        Arrays.stream(patterns)
            .<RequestMatcher>map(PathPatternRequestMatcher.withDefaults()::matcher)
            .toList());
  }
}
