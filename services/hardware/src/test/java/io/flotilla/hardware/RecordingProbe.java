package io.flotilla.hardware;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A probe that takes the configured delay like the simulated one, but answers what the test says
 * and records what happened: checks per row, how many ran at once, how many were interrupted.
 */
class RecordingProbe implements AvailabilityProbe {

  private final Duration delay;
  private final Map<Long, AtomicInteger> checks = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private final AtomicInteger interrupted = new AtomicInteger();
  private volatile Availability answer = Availability.HIGH;

  RecordingProbe(Duration delay) {
    this.delay = delay;
  }

  @Override
  public Availability check(Hardware hardware) throws InterruptedException {
    checks.computeIfAbsent(hardware.id(), id -> new AtomicInteger()).incrementAndGet();
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      Thread.sleep(delay);
      return answer;
    } catch (InterruptedException e) {
      interrupted.incrementAndGet();
      throw e;
    } finally {
      inFlight.decrementAndGet();
    }
  }

  void answer(Availability answer) {
    this.answer = answer;
  }

  int checksOf(long id) {
    AtomicInteger count = checks.get(id);
    return count == null ? 0 : count.get();
  }

  int mostInFlight() {
    return mostInFlight.get();
  }

  void resetMostInFlight() {
    mostInFlight.set(0);
  }

  int interrupted() {
    return interrupted.get();
  }

  /** Replaces the simulated probe in a test's application. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Config {

    @Bean
    @Primary
    RecordingProbe recordingProbe(HardwareProperties properties) {
      return new RecordingProbe(properties.probe().delay());
    }
  }
}
