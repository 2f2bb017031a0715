package io.flotilla.lunch;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class LunchConfiguration implements WebMvcConfigurer {

  private final MeterRegistry registry;

  LunchConfiguration(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * What time it is, in UTC: the weekday is taken in {@code flotilla.lunch.zone}. A bean, so tests
   * can fix the day.
   */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  public void addInterceptors(InterceptorRegistry interceptors) {
    interceptors.addInterceptor(new ApiRequests(registry)).addPathPatterns("/api/**");
  }
}
