package io.flotilla.menu;

import io.flotilla.platform.client.ClientSettings;
import io.flotilla.platform.client.ServiceClients;
import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;

@Configuration(proxyBeanMethods = false)
class MenuConfiguration {

  /** What time it is; a bean, so tests can move it past the TTL instead of sleeping. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Redis when {@code flotilla.menu.redis-url} is set, otherwise each relay caches on its own. */
  @Bean
  SharedCache sharedCache(
      MenuProperties properties,
      ServiceClients clients,
      ObjectProvider<RedisConnectionFactory> redis,
      MeterRegistry meters) {
    if (!properties.sharedCache()) {
      return SharedCache.NONE;
    }
    var template = new RedisTemplate<String, byte[]>();
    template.setConnectionFactory(redis.getObject());
    template.setKeySerializer(RedisSerializer.string());
    template.setValueSerializer(RedisSerializer.byteArray());
    template.afterPropertiesSet();
    ClientSettings upstream = clients.settings(Upstream.SERVICE);
    return new RedisSharedCache(
        template,
        properties.redisKeyPrefix(),
        properties.staleLimit(),
        upstream.connectTimeout().plus(upstream.readTimeout()).plusSeconds(1),
        meters);
  }

  /** While Redis is unreachable, a command fails at once rather than waiting for a reconnect. */
  @Bean
  LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
    return options ->
        options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
  }
}
