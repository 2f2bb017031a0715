package io.flotilla.tweets;

import io.flotilla.platform.client.ServiceClients;
import io.flotilla.platform.problem.BearerProblems;
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

/**
 * Bearer tokens from the users service: RS256 JWTs checked against its JWK Set (fetched through the
 * platform's client for {@code users}, on the first token and again on an unknown kid), with {@code
 * iss} {@code flotilla-users}, a subject, and the default expiry checks (60 s clock skew). Reads
 * are public, writes need a token. Stateless: no session, no CSRF (no cookies to forge with). 401,
 * 403 and 503 are the platform's problem+json answers with a {@code WWW-Authenticate: Bearer}
 * challenge.
 */
@Configuration
class SecurityConfiguration {

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
  JwtDecoder jwtDecoder(ServiceClients clients, TweetsProperties properties) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri(clients.baseUrl("users") + "/.well-known/jwks.json")
            .restOperations(clients.restTemplate("users"))
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
}
