package io.flotilla.platform.client;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.client.loadbalancer.ResponseData;

/**
 * Which instances failed lately, as Spring Cloud LoadBalancer reports each call's outcome: an
 * instance that could not be reached, did not answer in time or answered 5xx is cooling down for
 * its service's {@code cooldown}; an answer from it ends that at once.
 */
final class RecentFailures implements LoadBalancerLifecycle<Object, Object, ServiceInstance> {

  private final Function<String, ClientSettings> settings;

  /** When each instance last failed (System.nanoTime). */
  private final Map<URI, Long> failedAt = new ConcurrentHashMap<>();

  RecentFailures(Function<String, ClientSettings> settings) {
    this.settings = settings;
  }

  boolean coolingDown(ServiceInstance instance) {
    Long failed = failedAt.get(instance.getUri());
    return failed != null
        && System.nanoTime() - failed
            < settings.apply(instance.getServiceId()).cooldown().toNanos();
  }

  @Override
  public void onComplete(CompletionContext<Object, ServiceInstance, Object> completion) {
    Response<ServiceInstance> chosen = completion.getLoadBalancerResponse();
    if (chosen == null || chosen.getServer() == null) {
      return;
    }
    URI instance = chosen.getServer().getUri();
    boolean failed =
        completion.status() == CompletionContext.Status.FAILED
            || (completion.getClientResponse() instanceof ResponseData answer
                && answer.getHttpStatus() != null
                && answer.getHttpStatus().is5xxServerError());
    if (failed) {
      failedAt.put(instance, System.nanoTime());
    } else {
      failedAt.remove(instance);
    }
  }

  @Override
  public void onStart(Request<Object> request) {}

  @Override
  public void onStartRequest(Request<Object> request, Response<ServiceInstance> response) {}
}
