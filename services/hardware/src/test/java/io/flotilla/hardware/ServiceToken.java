package io.flotilla.hardware;

import io.flotilla.platform.credentials.ServiceSecret;
import io.flotilla.platform.credentials.ServiceTokens;
import java.time.Duration;
import java.time.Instant;

/** The tests' shared service secret (application-test.yaml, {@link RunningApp}) and its tokens. */
final class ServiceToken {

  static final String SECRET = "the tests' service secret, 32 bytes or more";

  private ServiceToken() {}

  /** What an operator's {@code ./flotilla token hardware} makes. */
  static String forHardware() {
    return of("operator", "hardware");
  }

  static String of(String from, String to) {
    return ServiceTokens.mint(
        ServiceSecret.key(SECRET).orElseThrow(), from, to, Instant.now(), Duration.ofMinutes(5));
  }
}
