package io.flotilla.platform.client;

import io.flotilla.platform.credentials.ServiceTokens;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

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

  // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every connection.
  private static final ClientHttpRequestFactoryBuilder<?> JDK_HTTP_1_1 =
      ClientHttpRequestFactoryBuilder.jdk()
          .withHttpClientCustomizer(http -> http.version(HttpClient.Version.HTTP_1_1));

  private final ObjectProvider<RestClient.Builder> builders;
  private final ObjectProvider<RestTemplateBuilder> templates;
  private final BlockingLoadBalancerInterceptor loadBalancer;
  private final CircuitBreakerFactory<?, ?> circuitBreakers;
  private final DiscoveryClient discovery;
  private final ConfigurableEnvironment environment;
  private final ObjectProvider<ServiceTokens> tokens;
  private final Map<String, ClientSettings> settings = new ConcurrentHashMap<>();

  ServiceClients(
      ObjectProvider<RestClient.Builder> builders,
      ObjectProvider<RestTemplateBuilder> templates,
      BlockingLoadBalancerInterceptor loadBalancer,
      CircuitBreakerFactory<?, ?> circuitBreakers,
      DiscoveryClient discovery,
      ConfigurableEnvironment environment,
      ObjectProvider<ServiceTokens> tokens) {
    this.builders = builders;
    this.templates = templates;
    this.loadBalancer = loadBalancer;
    this.circuitBreakers = circuitBreakers;
    this.discovery = discovery;
    this.environment = environment;
    this.tokens = tokens;
  }

  /**
   * A builder for calls to the service, its base URL set; each call goes to one of its instances.
   * With a single instance the base URL is that instance's: there is nothing to choose between and
   * no other instance to retry on, so the load balancer stays out of the way of every call.
   */
  public RestClient.Builder builder(String service) {
    return builders
        .getObject()
        .requestFactory(JDK_HTTP_1_1.build(timeouts(service)))
        .requestInterceptors(list -> list.addAll(interceptors(service)))
        .baseUrl(baseUrl(service));
  }

  /**
   * A builder as {@link #builder}, for the service's private endpoints: each call carries a service
   * token for it ({@link ServiceTokens}). Only for calls to Flotilla's own services: a token is
   * never sent anywhere else.
   */
  public RestClient.Builder builderWithCredential(String service) {
    return builder(service).requestInterceptor(tokens.getObject().interceptor(service));
  }

  /**
   * The same client as a {@link RestTemplate}, for a library that takes a {@code RestOperations}
   * (Spring Security's JWK Set fetch); its calls name a URL under {@link #baseUrl}.
   */
  public RestTemplate restTemplate(String service) {
    return templates
        .getObject()
        .requestFactoryBuilder(JDK_HTTP_1_1)
        .clientSettings(timeouts(service))
        .additionalInterceptors(interceptors(service))
        .build();
  }

  /** The URL calls to the service start with: its one instance's, or one the balancer resolves. */
  public String baseUrl(String service) {
    List<ServiceInstance> instances = discovery.getInstances(service);
    return instances.size() == 1 ? instances.getFirst().getUri().toString() : "http://" + service;
  }

  private List<ClientHttpRequestInterceptor> interceptors(String service) {
    // The breaker sees a call once, after the load balancer's retries.
    var breaker = new CircuitBreakerInterceptor(service, circuitBreakers.create(service));
    return discovery.getInstances(service).size() == 1
        ? List.of(breaker)
        : List.of(breaker, loadBalancer);
  }

  private HttpClientSettings timeouts(String service) {
    ClientSettings peer = settings(service);
    return HttpClientSettings.defaults().withTimeouts(peer.connectTimeout(), peer.readTimeout());
  }

  /** The settings in force for calls to the service. */
  public ClientSettings settings(String service) {
    return settings.computeIfAbsent(service, name -> ClientSettings.of(name, environment));
  }
}
