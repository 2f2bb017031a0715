package io.flotilla.lunch;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the test sets, so that the day's menu does not depend on when the build runs. Import
 * {@link Config} to put it in place of the service's system clock.
 */
final class TestClock extends Clock {

  /** Monday 8 June 2026, noon in Stockholm. */
  static final Instant MONDAY_NOON = Instant.parse("2026-06-08T10:00:00Z");

  /** Saturday 13 June 2026, noon in Stockholm. */
  static final Instant SATURDAY_NOON = Instant.parse("2026-06-13T10:00:00Z");

  private volatile Instant now = MONDAY_NOON;

  void set(Instant instant) {
    now = instant;
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
    throw new UnsupportedOperationException("the service takes the weekday in its own zone");
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Config {

    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock();
    }
  }
}
