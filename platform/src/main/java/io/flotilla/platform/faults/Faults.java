package io.flotilla.platform.faults;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults in force: the configured ones from start-up on, replaced through the endpoint. Each
 * kind is a gauge, {@code flotilla_faults_active{kind="delay|error_rate|outage"}}, 1 while it is
 * on, so that dashboards show why a service is slow or failing.
 */
final class Faults {

  private static final Logger log = LoggerFactory.getLogger(Faults.class);

  private final AtomicReference<FaultSettings> current;

  Faults(FaultSettings configured, MeterRegistry meters) {
    this.current = new AtomicReference<>(configured);
    gauge(meters, "delay", settings -> settings.delay().isPositive());
    gauge(meters, "error_rate", settings -> settings.errorRate() > 0.0);
    gauge(meters, "outage", FaultSettings::outage);
    if (!configured.equals(FaultSettings.NONE)) {
      log.warn("faults configured {}", configured);
    }
  }

  private void gauge(MeterRegistry meters, String kind, Predicate<FaultSettings> on) {
    Gauge.builder("flotilla.faults.active", this, faults -> on.test(faults.current()) ? 1 : 0)
        .description("1 while faults of this kind are injected into the service's requests")
        .tag("kind", kind)
        .register(meters);
  }

  FaultSettings current() {
    return current.get();
  }

  // A warning, so that nobody wonders why a service is slow or failing.
  void set(FaultSettings settings) {
    current.set(settings);
    log.warn("faults changed {}", settings);
  }
}
