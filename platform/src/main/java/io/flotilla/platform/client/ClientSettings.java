package io.flotilla.platform.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * How a service calls one other service: {@code flotilla.client.*} for every peer, each value
 * overridable for one peer under {@code flotilla.client.services.<peer>.*}, e.g. {@code
 * flotilla.client.services.hardware.read-timeout=10s}.
 *
 * @param connectTimeout how long to wait for an instance to accept the connection
 * @param readTimeout how long to wait for an instance's answer
 * @param cooldown how long an instance that just failed is tried after the others; 0 for never
 * @param retry which calls are tried again, on another instance
 * @param circuitBreaker when to stop calling a peer that keeps failing
 */
public record ClientSettings(
    @DefaultValue("1s") Duration connectTimeout,
    @DefaultValue("5s") Duration readTimeout,
    @DefaultValue("10s") Duration cooldown,
    @DefaultValue Retry retry,
    @DefaultValue CircuitBreaker circuitBreaker) {

  /**
   * A GET that failed (no connection, no answer in time, or one of {@code statuses}) is tried again
   * on the next instance, each instance at most once per call; other methods are never retried.
   *
   * @param otherInstances how many other instances a GET is tried on at most; 0 for no retry
   * @param statuses the answers that count as a failure of the instance
   */
  public record Retry(
      @DefaultValue("2") int otherInstances,
      @DefaultValue({"500", "502", "503", "504"}) Set<Integer> statuses) {}

  /**
   * Over the last {@code window} calls (once at least {@code minimumCalls} were made), when {@code
   * failureRate} percent or more failed (an I/O error, a timeout or a 5xx after the retries), the
   * client stops calling the peer for {@code openFor}, then lets one call through to test it.
   */
  public record CircuitBreaker(
      @DefaultValue("20") int window,
      @DefaultValue("5") int minimumCalls,
      @DefaultValue("50") int failureRate,
      @DefaultValue("10s") Duration openFor) {}

  static final String PREFIX = "flotilla.client";

  /** The settings for one peer: its own values first, then the shared ones, then the defaults. */
  static ClientSettings of(String service, ConfigurableEnvironment environment) {
    List<ConfigurationPropertySource> layers = new ArrayList<>();
    ConfigurationPropertySources.get(environment)
        .forEach(source -> layers.add(source.withPrefix(PREFIX + ".services." + service)));
    ConfigurationPropertySources.get(environment)
        .forEach(source -> layers.add(source.withPrefix(PREFIX)));
    return new Binder(
            layers,
            new PropertySourcesPlaceholdersResolver(environment),
            ApplicationConversionService.getSharedInstance())
        .bindOrCreate("", ClientSettings.class);
  }
}
