package io.flotilla.platform.client;

import java.util.function.Function;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancedRetryFactory;
import org.springframework.cloud.client.loadbalancer.LoadBalancedRetryPolicy;
import org.springframework.cloud.client.loadbalancer.LoadBalancerProperties;
import org.springframework.cloud.client.loadbalancer.ServiceInstanceChooser;
import org.springframework.cloud.loadbalancer.blocking.retry.BlockingLoadBalancedRetryPolicy;

/**
 * Spring Cloud LoadBalancer's retry policy, set from {@link ClientSettings.Retry}: a failed GET
 * goes on to other instances, never back to one already tried in the same call.
 */
final class Retries implements LoadBalancedRetryFactory {

  private final Function<String, ClientSettings> settings;
  private final DiscoveryClient discovery;

  Retries(Function<String, ClientSettings> settings, DiscoveryClient discovery) {
    this.settings = settings;
    this.discovery = discovery;
  }

  @Override
  public LoadBalancedRetryPolicy createRetryPolicy(String service, ServiceInstanceChooser chooser) {
    ClientSettings.Retry retry = settings.apply(service).retry();
    int others = Math.max(0, discovery.getInstances(service).size() - 1);
    var properties = new LoadBalancerProperties();
    properties.getRetry().setMaxRetriesOnSameServiceInstance(0);
    properties
        .getRetry()
        .setMaxRetriesOnNextServiceInstance(Math.min(retry.otherInstances(), others));
    properties.getRetry().setRetryableStatusCodes(retry.statuses());
    return new BlockingLoadBalancedRetryPolicy(properties);
  }
}
