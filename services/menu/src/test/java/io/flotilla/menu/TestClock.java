package io.flotilla.menu;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the test moves, so that copies expire without sleeping. Starts at the real now. */
final class TestClock extends Clock {

  private volatile Instant now = Instant.now();

  void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  /** Import to put a {@link TestClock} in place of the relay's system clock. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Config {

    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock();
    }
  }
}
