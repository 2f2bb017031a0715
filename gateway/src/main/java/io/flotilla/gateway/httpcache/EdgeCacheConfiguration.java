package io.flotilla.gateway.httpcache;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one HTTP cache of the system, at the edge: services say with {@code Cache-Control} what may
 * be shared and for how long (math's results for a day, the menu relay's answers for its TTL).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "flotilla.http-cache.enabled", matchIfMissing = true)
@EnableConfigurationProperties(HttpCacheProperties.class)
class EdgeCacheConfiguration {

  @Bean
  EdgeCache edgeCache(
      HttpCacheProperties properties, ObjectProvider<Clock> clock, MeterRegistry registry) {
    return new EdgeCache(
        new ResponseCache(properties, "gateway", clock.getIfAvailable(Clock::systemUTC), registry));
  }
}
