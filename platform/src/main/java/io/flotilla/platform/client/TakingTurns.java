package io.flotilla.platform.client;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.EmptyResponse;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.client.loadbalancer.RetryableRequestContext;
import org.springframework.cloud.loadbalancer.core.NoopServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ReactorServiceInstanceLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Mono;

/**
 * Round-robin, with two things Spring Cloud's {@code RoundRobinLoadBalancer} lacks: a retry goes to
 * the instance after the one that just failed (so a call tries each instance at most once), and an
 * instance that failed lately is passed over while another is available (so a dead instance costs
 * one failed attempt per cooldown, not one in every n calls).
 */
final class TakingTurns implements ReactorServiceInstanceLoadBalancer {

  private final ObjectProvider<ServiceInstanceListSupplier> suppliers;
  private final RecentFailures failures;
  private final AtomicInteger turn = new AtomicInteger();

  TakingTurns(ObjectProvider<ServiceInstanceListSupplier> suppliers, RecentFailures failures) {
    this.suppliers = suppliers;
    this.failures = failures;
  }

  @Override
  public Mono<Response<ServiceInstance>> choose(Request request) {
    ServiceInstanceListSupplier supplier =
        suppliers.getIfAvailable(NoopServiceInstanceListSupplier::new);
    ServiceInstance previous =
        request.getContext() instanceof RetryableRequestContext retry
            ? retry.getPreviousServiceInstance()
            : null;
    return supplier.get(request).next().map(instances -> choose(instances, previous));
  }

  private Response<ServiceInstance> choose(
      List<ServiceInstance> instances, ServiceInstance previous) {
    if (instances.isEmpty()) {
      return new EmptyResponse();
    }
    int count = instances.size();
    int start =
        previous == null
            ? Math.floorMod(turn.getAndIncrement(), count)
            : instances.indexOf(previous) + 1;
    ServiceInstance fallback = null;
    for (int i = 0; i < count; i++) {
      ServiceInstance candidate = instances.get((start + i) % count);
      if (candidate.equals(previous) && count > 1) {
        continue;
      }
      if (!failures.coolingDown(candidate)) {
        return new DefaultResponse(candidate);
      }
      if (fallback == null) {
        fallback = candidate; // every instance failed lately: still try them, in turn
      }
    }
    return new DefaultResponse(fallback);
  }
}
