package io.flotilla.lunch;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The faults in force: the configured ones from startup on, replaced by {@code PUT /faults}. */
@Component
class Faults {

  private static final Logger log = LoggerFactory.getLogger(Faults.class);

  private final AtomicReference<FaultSettings> current;

  Faults(LunchProperties properties) {
    this.current = new AtomicReference<>(properties.faults());
    if (!properties.faults().equals(FaultSettings.NONE)) {
      log(properties.faults(), "configured");
    }
  }

  FaultSettings current() {
    return current.get();
  }

  void set(FaultSettings settings) {
    current.set(settings);
    log(settings, "changed");
  }

  // A warning, so that nobody wonders why a demo upstream is slow or failing.
  private static void log(FaultSettings settings, String how) {
    log.warn(
        "faults {} delay={} errorRate={} outage={}",
        how,
        FaultBodies.print(settings.delay()),
        settings.errorRate(),
        settings.outage());
  }
}
