package io.flotilla.platform.warmup;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** {@link WarmUp} for every web service, servlet or reactive; off with flotilla.warm-up.enabled. */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "flotilla.warm-up.enabled", matchIfMissing = true)
@EnableConfigurationProperties(WarmUpSettings.class)
class WarmUpAutoConfiguration {

  @Bean
  WarmUp warmUp(WarmUpSettings settings, Environment environment) {
    return new WarmUp(settings, environment.getProperty("server.address"));
  }
}
