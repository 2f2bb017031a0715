package io.flotilla.tweets;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import io.flotilla.platform.client.ServiceClients;
import io.flotilla.platform.credentials.PrivateEndpoints;
import io.flotilla.platform.problem.BearerProblems;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestOperations;

/**
 * Bearer tokens from the users service: RS256 JWTs checked against its JWK Set (fetched through the
 * platform's client for {@code users}, on the first token and again on an unknown kid), with {@code
 * iss} {@code flotilla-users}, a subject, and the default expiry checks (60 s clock skew). Reads
 * are public, writes need a token. Stateless: no session, no CSRF (no cookies to forge with). 401,
 * 403 and 503 are the platform's problem+json answers with a {@code WWW-Authenticate: Bearer}
 * challenge.
 *
 * <p>{@code /internal/**} (the change feed, with private tweets) is for services only: the
 * platform's chain, ahead of this one, takes a service token for tweets there and nothing else.
 */
@Configuration
class SecurityConfiguration {

  @Bean
  PrivateEndpoints internal() {
    return PrivateEndpoints.paths("/internal/**");
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http) {
    var problems = new BearerProblems("/api/v1/auth/login");
    http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .authorizeHttpRequests(requests ->
            requests
                .requestMatchers(HttpMethod.POST, "/api/v1/tweets", "/api/v1/tweets/**")
                .authenticated()
                .requestMatchers(HttpMethod.PUT, "/api/v1/tweets/**")
                .authenticated()
                .requestMatchers(HttpMethod.DELETE, "/api/v1/tweets/**")
                .authenticated()
                .anyRequest()
                .permitAll())
        .oauth2ResourceServer(resourceServer ->
            resourceServer
                .jwt(jwt -> {})
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems)
                // A token that cannot be checked (users' keys out of reach) is a 503, not a 401.
                .withObjectPostProcessor(
                    new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                      @Override
                      public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(problems);
                        return filter;
                      }
                    }))
        .exceptionHandling(
            handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    return http.build();
  }

  @Bean
  JwtDecoder jwtDecoder(ServiceClients clients, TweetsProperties properties)
      throws MalformedURLException {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSource(userKeys(clients))
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(properties.tokenIssuer()),
            new JwtClaimValidator<String>(
                JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank()),
            // Tweets belong to the account, not to its name: no account, no write.
            new JwtClaimValidator<String>(
                Author.ACCOUNT_CLAIM, account -> account != null && !account.isBlank())));
    return decoder;
  }

  /**
   * Users' key set, kept for five minutes and fetched again on a kid it does not have (a rotated
   * key), but at most once in 30 s: tokens with made-up kids cannot make tweets hammer users.
   * Nimbus's own cache and rate limit; the fetch goes through the platform's client.
   */
  static JWKSource<SecurityContext> userKeys(ServiceClients clients) throws MalformedURLException {
    RestOperations users = clients.restTemplate("users");
    ResourceRetriever retriever =
        url -> {
          try {
            return new Resource(users.getForObject(url.toURI(), String.class), "application/json");
          } catch (RestClientException | URISyntaxException e) {
            throw new IOException("users' key set could not be fetched: " + e.getMessage(), e);
          }
        };
    JWKSource<SecurityContext> keys =
        JWKSourceBuilder.create(
                URI.create(clients.baseUrl("users") + "/.well-known/jwks.json").toURL(), retriever)
            .cache(true)
            .rateLimited(true)
            .build();
    // A kid asked for again within the 30 s is not one of users' keys: a 401, not a 503.
    return (selector, context) -> {
      try {
        return keys.get(selector, context);
      } catch (RateLimitReachedException recentlyFetched) {
        return List.of();
      }
    };
  }
}
