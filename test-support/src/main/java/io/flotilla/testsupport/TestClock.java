package io.flotilla.testsupport;

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
 * A clock the test sets or moves, so that caches expire, tokens run out and days change without
 * sleeping. It stands still otherwise; it starts at the real now, to the second.
 *
 * <p>A service that takes the time from a {@code Clock} bean gets this one by importing {@link
 * Config}, which puts it first ({@code @Primary}) while the service's own clock stays defined.
 */
public final class TestClock extends Clock {

  private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  public void set(Instant instant) {
    now = instant;
  }

  public void advance(Duration duration) {
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

  /** Refused: a service under test takes dates in its own configured zone, from the instant. */
  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("take the zone from the service, not from the clock");
  }

  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {

    @Bean
    @Primary
    public TestClock testClock() {
      return new TestClock();
    }
  }
}
