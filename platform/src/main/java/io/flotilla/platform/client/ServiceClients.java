package io.flotilla.platform.client;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The one way a Flotilla service calls another: {@code clients.builder("hardware")} is Boot's
 * {@link RestClient.Builder} (JSON converters, client metrics, trace context, request id) aimed at
 * hardware, with the peer's timeouts, its circuit breaker, and Spring Cloud LoadBalancer choosing
 * an instance of it for each call, a failed GET going on to the next one. The instances are Spring
 * Cloud's simple discovery: {@code
 * spring.cloud.discovery.client.simple.instances.hardware=http://a:8086,http://b:8086}. Settings:
 * {@link ClientSettings}.
 */
public final class ServiceClients {

  private final ObjectProvider<RestClient.Builder> builders;
  private final BlockingLoadBalancerInterceptor loadBalancer;
  private final CircuitBreakerFactory<?, ?> circuitBreakers;
  private final DiscoveryClient discovery;
  private final ConfigurableEnvironment environment;
  private final Map<String, ClientSettings> settings = new ConcurrentHashMap<>();

  ServiceClients(
      ObjectProvider<RestClient.Builder> builders,
      BlockingLoadBalancerInterceptor loadBalancer,
      CircuitBreakerFactory<?, ?> circuitBreakers,
      DiscoveryClient discovery,
      ConfigurableEnvironment environment) {
    this.builders = builders;
    this.loadBalancer = loadBalancer;
    this.circuitBreakers = circuitBreakers;
    this.discovery = discovery;
    this.environment = environment;
  }

  /**
   * A builder for calls to the service, its base URL set; each call goes to one of its instances.
   * With a single instance the base URL is that instance's: there is nothing to choose between and
   * no other instance to retry on, so the load balancer stays out of the way of every call.
   */
  public RestClient.Builder builder(String service) {
    ClientSettings peer = settings(service);
    List<ServiceInstance> instances = discovery.getInstances(service);
    RestClient.Builder builder =
        builders
            .getObject()
            .requestFactory(requestFactory(peer))
            // The breaker sees a call once, after the load balancer's retries.
            .requestInterceptor(
                new CircuitBreakerInterceptor(service, circuitBreakers.create(service)));
    if (instances.size() == 1) {
      return builder.baseUrl(instances.getFirst().getUri().toString());
    }
    return builder.baseUrl("http://" + service).requestInterceptor(loadBalancer);
  }

  private static ClientHttpRequestFactory requestFactory(ClientSettings peer) {
    return ClientHttpRequestFactoryBuilder.jdk()
        // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every connection.
        .withHttpClientCustomizer(http -> http.version(HttpClient.Version.HTTP_1_1))
        .build(
            HttpClientSettings.defaults().withTimeouts(peer.connectTimeout(), peer.readTimeout()));
  }

  /** The settings in force for calls to the service. */
  public ClientSettings settings(String service) {
    return settings.computeIfAbsent(service, name -> ClientSettings.of(name, environment));
  }
}
