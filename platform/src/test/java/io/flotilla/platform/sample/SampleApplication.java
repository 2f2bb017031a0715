package io.flotilla.platform.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A servlet service as a team would write one: its own package, nothing of the platform's but the
 * dependency. The platform tests run against it.
 */
@SpringBootApplication
public class SampleApplication {

  /** The message of the exception {@code GET /boom} throws: it must never reach a client. */
  public static final String SECRET = "database password hunter2 rejected";
}
