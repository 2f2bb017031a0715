package io.flotilla.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the test moves, so that tokens expire and throttling ends without sleeping. Starts at the
 * real now, to the second, and stands still otherwise.
 */
final class TestClock extends Clock {

  private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

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

  /** Import to put a {@link TestClock} in place of the service's system clock. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Config {

    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock();
    }
  }
}
