package io.flotilla.math;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.web.reactive.config.BlockingExecutionConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * The controllers compute, up to a third of a second for the largest inputs, so Spring calls them
 * on virtual threads: Netty's event loops only read requests and write answers. Boot does the same
 * when {@code spring.threads.virtual.enabled} is on; this makes it so whatever that says. Ordered
 * after Boot's configurer, so this executor is the one Spring uses.
 */
@Configuration(proxyBeanMethods = false)
class ControllersOnVirtualThreads implements WebFluxConfigurer, Ordered {

  @Override
  public void configureBlockingExecution(BlockingExecutionConfigurer configurer) {
    configurer.setExecutor(new VirtualThreadTaskExecutor("math-"));
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
