package io.flotilla.menu;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MenuConfiguration {

  /** What time it is; a bean, so tests can move it past the TTL instead of sleeping. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Redis when {@code flotilla.menu.redis-url} is set, otherwise each relay caches on its own. */
  @Bean
  SharedCache sharedCache(MenuProperties properties, MeterRegistry meters) {
    return properties.sharedCache() ? new RedisSharedCache(properties, meters) : SharedCache.NONE;
  }
}
