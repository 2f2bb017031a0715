package io.flotilla.platform.httpcache;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The HTTP cache in front of a service that sets {@code flotilla.http-cache.enabled=true}: the
 * gateway, math and the menu relay, whose answers say how long they may be shared.
 */
@AutoConfiguration
@ConditionalOnClass(Caffeine.class)
@ConditionalOnBooleanProperty("flotilla.http-cache.enabled")
@EnableConfigurationProperties(HttpCacheProperties.class)
class HttpCacheAutoConfiguration {

  @Bean
  ResponseCache responseCache(
      HttpCacheProperties properties,
      Environment environment,
      ObjectProvider<Clock> clock,
      MeterRegistry registry) {
    String service = environment.getProperty("spring.application.name", "service");
    return new ResponseCache(properties, service, clock.getIfAvailable(Clock::systemUTC), registry);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = Type.SERVLET)
  static class Servlet {

    /** First of all filters: outside the observation (HIGHEST_PRECEDENCE + 1) and request log. */
    @Bean
    FilterRegistrationBean<ServletFrontDoor> httpCacheFrontDoor(ResponseCache cache) {
      var registration = new FilterRegistrationBean<>(new ServletFrontDoor(cache));
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      return registration;
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = Type.REACTIVE)
  static class Reactive {

    /** Around the whole HTTP handler, so outside Spring's observation and every web filter. */
    @Bean
    ReactiveFrontDoor httpCacheFrontDoor(ResponseCache cache) {
      return new ReactiveFrontDoor(cache);
    }
  }
}
