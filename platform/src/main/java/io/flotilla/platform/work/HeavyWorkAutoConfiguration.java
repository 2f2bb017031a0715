package io.flotilla.platform.work;

import io.flotilla.platform.ClientAddresses;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadConfig;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedThreadPoolBulkheadMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * One {@link HeavyWork} per servlet service, configured from {@link WorkSettings}: its own pool, so
 * that in the launcher's one JVM each service's heavy work waits for its own threads only. Its
 * state is in the {@code resilience4j_bulkhead_*} metrics (queue depth, active threads), its
 * refusals in {@code flotilla_work_refused_total}.
 */
@AutoConfiguration(
    afterName =
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(WorkSettings.class)
class HeavyWorkAutoConfiguration {

  @Bean
  HeavyWork heavyWork(
      WorkSettings settings,
      ClientAddresses clients,
      ObjectProvider<MeterRegistry> registries,
      Environment environment) {
    MeterRegistry meters = registries.getIfAvailable(SimpleMeterRegistry::new);
    var registry =
        ThreadPoolBulkheadRegistry.of(
            ThreadPoolBulkheadConfig.custom()
                .coreThreadPoolSize(settings.threadCount())
                .maxThreadPoolSize(settings.threadCount())
                .queueCapacity(settings.queueCapacity())
                // A refusal is an answer, not a failure to debug: no stack trace to fill.
                .writableStackTraceEnabled(false)
                .build());
    // The pool's threads are named bulkhead-<service>-<n> in thread dumps.
    ThreadPoolBulkhead pool =
        registry.bulkhead(environment.getProperty("spring.application.name", "work"));
    TaggedThreadPoolBulkheadMetrics.ofThreadPoolBulkheadRegistry(registry).bindTo(meters);
    return new HeavyWork(pool, settings, clients, meters);
  }
}
