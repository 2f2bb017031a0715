package io.flotilla.users;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.flotilla.platform.problem.BearerProblems;
import java.time.Clock;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
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
import org.springframework.security.web.SecurityFilterChain;

/**
 * A stateless token API: no sessions, no CSRF (no cookies to forge), no form or basic login. Only
 * {@code GET /api/v1/users/me} needs a bearer token, checked with the service's own public key (no
 * HTTP round trip); everything else, actuator and docs included, is open. 401 and 403 are the
 * platform's problem+json answers with a {@code WWW-Authenticate: Bearer} challenge.
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
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    var problems = new BearerProblems("/api/v1/auth/login");
    http.authorizeHttpRequests(requests ->
            requests.requestMatchers(HttpMethod.GET, ME).authenticated().anyRequest().permitAll())
        .oauth2ResourceServer(server ->
            server
                .jwt(jwt -> {})
                .bearerTokenResolver(onlyForMe())
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems))
        .exceptionHandling(
            handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
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
}
