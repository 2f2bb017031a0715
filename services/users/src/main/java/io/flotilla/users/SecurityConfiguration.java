package io.flotilla.users;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stateless token API: no sessions, no CSRF (no cookies to forge), no form or basic login. Only
 * {@code GET /api/v1/users/me} needs a bearer token, checked with the service's own public key (no
 * HTTP round trip); everything else, actuator and docs included, is open. 401 and 403 are answered
 * as problem+json with Spring's {@code WWW-Authenticate: Bearer ...} header.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String ME = "/api/v1/users/me";

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  SigningKey signingKey(UsersProperties properties) {
    return SigningKey.of(properties);
  }

  /** BCrypt at strength 10 (about 50–100 ms a hash): passwords of at most 72 bytes. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder(10);
  }

  @Bean
  JwtEncoder jwtEncoder(SigningKey key) {
    return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key.jwk())));
  }

  /** Our own tokens only: RS256 with our key, our issuer, an exp that has not passed. */
  @Bean
  JwtDecoder jwtDecoder(SigningKey key, UsersProperties properties, Clock clock) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withPublicKey(key.publicKey())
            .signatureAlgorithm(SignatureAlgorithm.RS256)
            .build();
    var timestamps = new JwtTimestampValidator(properties.clockSkew());
    timestamps.setClock(clock);
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            timestamps,
            new JwtIssuerValidator(UsersProperties.ISSUER),
            new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
            new JwtClaimValidator<Object>(JwtClaimNames.SUB, Objects::nonNull)));
    return decoder;
  }

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
    var entryPoint = new ProblemEntryPoint(json);
    var deniedHandler = new ProblemAccessDenied(json);
    http.authorizeHttpRequests(requests ->
            requests.requestMatchers(HttpMethod.GET, ME).authenticated().anyRequest().permitAll())
        .oauth2ResourceServer(server ->
            server
                .jwt(jwt -> {})
                .bearerTokenResolver(onlyForMe())
                .authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(deniedHandler))
        .exceptionHandling(handling ->
            handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable());
    return http.build();
  }

  /**
   * Tokens are read only where one is needed: a client that sends an expired token along with its
   * next login or registration is not refused for it.
   */
  private static BearerTokenResolver onlyForMe() {
    var resolver = new DefaultBearerTokenResolver();
    return request -> ME.equals(request.getRequestURI()) ? resolver.resolve(request) : null;
  }

  /**
   * A 401 with the RFC 6750 challenge and a problem+json body. The challenge is written here, not
   * by Spring's entry point, which would name the decoder's internals and an RFC 9728 metadata URL
   * this service does not serve.
   */
  private record ProblemEntryPoint(JsonMapper json) implements AuthenticationEntryPoint {

    @Override
    public void commence(
        HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
        throws IOException {
      boolean tokenSent = exception instanceof OAuth2AuthenticationException;
      response.setHeader(
          HttpHeaders.WWW_AUTHENTICATE,
          tokenSent
              ? "Bearer error=\"invalid_token\", error_description=\"The token is invalid or has"
                  + " expired\""
              : "Bearer");
      write(
          json,
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          tokenSent
              ? "The bearer token is invalid or has expired; log in again at /api/v1/auth/login."
              : "This needs a bearer token: send Authorization: Bearer <token> from"
                  + " /api/v1/auth/login.");
    }
  }

  private record ProblemAccessDenied(JsonMapper json) implements AccessDeniedHandler {

    @Override
    public void handle(
        HttpServletRequest request,
        HttpServletResponse response,
        org.springframework.security.access.AccessDeniedException exception)
        throws IOException {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
      write(
          json, request, response, HttpStatus.FORBIDDEN, "This token does not allow this request.");
    }
  }

  /** The same fields, in the same order, as the platform's problem bodies. */
  private static void write(
      JsonMapper json,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String detail)
      throws IOException {
    Map<String, Object> body = new TreeMap<>();
    body.put("detail", detail);
    body.put("instance", request.getRequestURI());
    body.put("status", status.value());
    body.put("title", status.getReasonPhrase());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), body);
  }
}
