package io.flotilla.platform.credentials;

import io.flotilla.platform.problem.BearerProblems;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * In a service that declares {@link PrivateEndpoints} (and brings Spring Security's resource
 * server), the filter chain that lets only service tokens for this service reach them.
 */
// Before Boot's web security: its default chain (form login, a generated password) steps back when
// this one is there.
@AutoConfiguration(
    after = ServiceCredentialsAutoConfiguration.class,
    beforeName = {
      "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
      "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"
    })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({
  HttpSecurity.class,
  NimbusJwtDecoder.class,
  BearerTokenAuthenticationFilter.class
})
@ConditionalOnBean(PrivateEndpoints.class)
class PrivateEndpointsAutoConfiguration {

  private static final Logger log =
      LoggerFactory.getLogger(PrivateEndpointsAutoConfiguration.class);

  /**
   * First of the service's chains, for its private endpoints only: a service token for this
   * service, or 401 problem+json. Stateless: no session, no CSRF (no cookies to forge with).
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain privateEndpoints(
      HttpSecurity http,
      List<PrivateEndpoints> endpoints,
      ServiceCredentialsProperties properties,
      Environment environment) {
    String service = ServiceCredentialsAutoConfiguration.name(environment);
    Optional<SecretKey> key = ServiceSecret.key(properties.secret());
    if (key.isEmpty()) {
      log.warn(
          "service credentials: no secret ({} / flotilla.service-credentials.secret), {}'s"
              + " private endpoints refuse every call",
          ServiceSecret.VARIABLE,
          service);
    }
    var problems = BearerProblems.forServiceTokens();
    http.securityMatcher(
            new OrRequestMatcher(endpoints.stream().map(PrivateEndpoints::matcher).toList()))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .oauth2ResourceServer(server ->
            server
                .jwt(jwt -> jwt.decoder(ServiceTokenDecoder.forService(key, service)))
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems))
        .exceptionHandling(
            handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable);
    return http.build();
  }
}
