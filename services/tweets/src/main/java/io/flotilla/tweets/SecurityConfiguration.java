package io.flotilla.tweets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer tokens from the users service: RS256 JWTs checked against its JWK Set, with {@code iss}
 * {@code flotilla-users}, a subject, and the default expiry checks (60 s clock skew). Reads are
 * public, writes need a token. Stateless: no session, no CSRF (no cookies to forge with). 401 and
 * 403 answer problem+json with a {@code WWW-Authenticate: Bearer} challenge.
 */
@Configuration
class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  @Bean
  SecurityFilterChain api(HttpSecurity http, JsonMapper json) {
    var problems = new Problems(json);
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
                .authenticationEntryPoint(problems::unauthorized)
                .accessDeniedHandler(problems::forbidden)
                .withObjectPostProcessor(
                    new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                      @Override
                      public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(problems::failed);
                        return filter;
                      }
                    }))
        .exceptionHandling(handling ->
            handling
                .authenticationEntryPoint(problems::unauthorized)
                .accessDeniedHandler(problems::forbidden));
    return http.build();
  }

  @Bean
  JwtDecoder jwtDecoder(
      @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
      TweetsProperties properties) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithm(SignatureAlgorithm.RS256).build();
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

  /** 401/403/503 as problem+json. */
  private record Problems(JsonMapper json) {

    void unauthorized(
        HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
        throws IOException {
      boolean invalid = exception instanceof OAuth2AuthenticationException;
      // RFC 6750: a bare challenge when no token came, invalid_token when one came and failed
      // (the reason is in the body). Spring's own entry point would add an absolute
      // resource_metadata address, which is wrong behind the gateway.
      response.setHeader(
          HttpHeaders.WWW_AUTHENTICATE, invalid ? "Bearer error=\"invalid_token\"" : "Bearer");
      String detail =
          invalid
              ? "The bearer token was not accepted ("
                  + exception.getMessage()
                  + "); log in again at"
                  + " /api/v1/auth/login for a new one."
              : "This request needs a bearer token: log in at /api/v1/auth/login and send"
                  + " Authorization: Bearer <access_token>.";
      write(request, response, HttpStatus.UNAUTHORIZED, detail);
    }

    void forbidden(
        HttpServletRequest request,
        HttpServletResponse response,
        org.springframework.security.access.AccessDeniedException exception)
        throws IOException {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
      write(request, response, HttpStatus.FORBIDDEN, "This token does not allow this request.");
    }

    /**
     * A token that cannot be checked because the users service's keys cannot be fetched is the
     * server's problem, not the client's: 503, so the client retries instead of logging in again.
     */
    void failed(
        HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
        throws IOException {
      if (exception instanceof AuthenticationServiceException) {
        log.warn("bearer token not checked: {}", exception.getMessage());
        response.setHeader("Retry-After", "5");
        write(
            request,
            response,
            HttpStatus.SERVICE_UNAVAILABLE,
            "Bearer tokens cannot be checked right now (the users service's keys are out of"
                + " reach); try again shortly.");
        return;
      }
      unauthorized(request, response, exception);
    }

    private void write(
        HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
        throws IOException {
      // The key order of the platform's problem bodies.
      var body = new LinkedHashMap<String, Object>();
      body.put("detail", detail);
      body.put("instance", request.getRequestURI());
      body.put("status", status.value());
      body.put("title", status.getReasonPhrase());
      response.setStatus(status.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      // Bytes, not a writer: JSON is UTF-8 by definition and the type takes no charset.
      response.getOutputStream().write(json.writeValueAsBytes(body));
    }
  }
}
