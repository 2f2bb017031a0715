package io.flotilla.platform.client;

import io.flotilla.platform.credentials.ServiceTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.cloud.client.loadbalancer.LoadBalancedRetryFactory;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.core.ReactorLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.web.client.RestClient;

/**
 * {@link ServiceClients} for a servlet service that brings Spring Cloud LoadBalancer, Spring Retry
 * and Spring Cloud CircuitBreaker (Resilience4j), configured from {@link ClientSettings}.
 */
// Before Spring Cloud's blocking load balancer configuration, so that its retry factory steps back.
@AutoConfiguration(
    beforeName =
        "org.springframework.cloud.loadbalancer.config.BlockingLoadBalancerClientAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({
  RestClient.class,
  LoadBalancerClientFactory.class,
  RetryTemplate.class,
  Resilience4JCircuitBreakerFactory.class
})
@LoadBalancerClients(defaultConfiguration = ServiceClientsAutoConfiguration.PerService.class)
class ServiceClientsAutoConfiguration {

  @Bean
  ServiceClients serviceClients(
      ObjectProvider<RestClient.Builder> builders,
      ObjectProvider<RestTemplateBuilder> templates,
      ObjectProvider<BlockingLoadBalancerInterceptor> loadBalancer,
      ObjectProvider<CircuitBreakerFactory<?, ?>> circuitBreakers,
      DiscoveryClient discovery,
      ConfigurableEnvironment environment,
      ObjectProvider<ServiceTokens> tokens) {
    return new ServiceClients(
        builders,
        templates,
        loadBalancer.getObject(),
        circuitBreakers.getObject(),
        discovery,
        environment,
        tokens);
  }

  @Bean
  RecentFailures recentFailures(ObjectProvider<ServiceClients> clients) {
    return new RecentFailures(service -> clients.getObject().settings(service));
  }

  @Bean
  LoadBalancedRetryFactory loadBalancedRetryFactory(
      ObjectProvider<ServiceClients> clients, DiscoveryClient discovery) {
    return new Retries(service -> clients.getObject().settings(service), discovery);
  }

  @Bean
  Customizer<Resilience4JCircuitBreakerFactory> serviceCircuitBreakers(
      ObjectProvider<ServiceClients> clients) {
    return factory ->
        factory.configureDefault(service -> {
          ClientSettings.CircuitBreaker settings =
              clients.getObject().settings(service).circuitBreaker();
          return new Resilience4JConfigBuilder(service)
              .circuitBreakerConfig(
                  CircuitBreakerConfig.custom()
                      .slidingWindowType(SlidingWindowType.COUNT_BASED)
                      .slidingWindowSize(settings.window())
                      .minimumNumberOfCalls(settings.minimumCalls())
                      .failureRateThreshold(settings.failureRate())
                      .waitDurationInOpenState(settings.openFor())
                      // One trial call after the pause: a dead peer costs one timeout, not a burst.
                      .permittedNumberOfCallsInHalfOpenState(1)
                      .recordResult(ServiceClientsAutoConfiguration::serverError)
                      .build())
              .build();
        });
  }

  /**
   * The registries Spring Cloud CircuitBreaker keeps its breakers in, which Resilience4j's own Boot
   * integration would otherwise add (with AOP, for annotations no Flotilla service uses).
   */
  @Bean
  @ConditionalOnMissingBean
  CircuitBreakerRegistry circuitBreakerRegistry() {
    return CircuitBreakerRegistry.ofDefaults();
  }

  @Bean
  @ConditionalOnMissingBean
  TimeLimiterRegistry timeLimiterRegistry() {
    return TimeLimiterRegistry.ofDefaults();
  }

  @Bean
  @ConfigurationPropertiesBinding
  static InstanceUrls instanceUrls() {
    return new InstanceUrls();
  }

  /** A 5xx counts against the peer like an I/O error; any other answer is the peer working. */
  private static boolean serverError(Object result) {
    try {
      return result instanceof ClientHttpResponse response
          && response.getStatusCode().is5xxServerError();
    } catch (IOException e) {
      return true;
    }
  }

  /** What each peer's load balancer (a child context per peer, Spring Cloud's) is made of. */
  @Configuration(proxyBeanMethods = false)
  static class PerService {

    @Bean
    ReactorLoadBalancer<ServiceInstance> takingTurns(
        Environment environment, LoadBalancerClientFactory factory, RecentFailures failures) {
      String service = environment.getProperty(LoadBalancerClientFactory.PROPERTY_NAME);
      return new TakingTurns(
          factory.getLazyProvider(service, ServiceInstanceListSupplier.class), failures);
    }
  }
}
