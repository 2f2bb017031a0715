package io.flotilla.gateway;

import io.netty.channel.ChannelOption;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connect timeout of the gateway's client. Spring Cloud Gateway's own setting takes whole
 * milliseconds; {@code flotilla.gateway.connect-timeout} is a duration, as the response timeout is.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceCallProperties.class)
class ServiceCalls {

  @Bean
  HttpClientCustomizer connectTimeout(ServiceCallProperties calls) {
    int millis = Math.toIntExact(calls.connectTimeout().toMillis());
    return client -> client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, millis);
  }
}
