package io.flotilla.cli;

import io.flotilla.lunch.LunchApplication;
import io.flotilla.platform.credentials.ServiceSecret;
import io.flotilla.platform.credentials.ServiceTokens;
import io.flotilla.testsupport.Http;
import io.flotilla.testsupport.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real lunch service, started once for all the tests in this JVM on a free port, with a clock
 * the tests set so that the menus do not depend on the day the build runs. Stopped by Spring's
 * shutdown hook when the JVM ends.
 */
final class LunchServer {

  /** Monday 8 June 2026, noon in Stockholm. */
  static final Instant MONDAY_NOON = Instant.parse("2026-06-08T10:00:00Z");

  /** Saturday 13 June 2026, noon in Stockholm: no menus at weekends. */
  static final Instant SATURDAY_NOON = Instant.parse("2026-06-13T10:00:00Z");

  /** The secret lunch checks its fault switch's tokens with, as a launched Flotilla's. */
  static final String SECRET = "the tests' lunch service secret, 32 bytes or more";

  private static LunchServer running;

  private final ConfigurableApplicationContext context;

  private LunchServer() {
    // As arguments, which win over the service's application.yaml (port 8089), as defaults don't.
    context =
        new SpringApplicationBuilder(LunchApplication.class, TestClock.Config.class)
            .run(
                "--server.port=0",
                "--management.server.port=0",
                "--flotilla.service-credentials.secret=" + SECRET,
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn",
                "--logging.level.flotilla.request=warn");
  }

  static synchronized LunchServer start() {
    if (running == null) {
      running = new LunchServer();
    }
    return running;
  }

  /** Where the CLI finds {@code /restaurant}: the lunch service's {@code /api}. */
  String base() {
    return "http://localhost:" + port() + "/api";
  }

  /** The menus of the given instant's weekday from now on. */
  void today(Instant instant) {
    context.getBean(TestClock.class).set(instant);
  }

  /** Where the platform's fault switch answers: {@code /actuator/faults} on this base. */
  String management() {
    return "http://localhost:"
        + context.getEnvironment().getRequiredProperty("local.management.port", int.class);
  }

  /** Replaces the faults in force, e.g. {@code {"outage":true}}; {@code {}} turns them all off. */
  void faults(String json) {
    String token =
        ServiceTokens.mint(
            ServiceSecret.key(SECRET).orElseThrow(),
            "test",
            "lunch",
            Instant.now(),
            Duration.ofMinutes(5));
    Http.Answer answer = new Http(management()).as(token).post("/actuator/faults", json);
    if (answer.status() != 200) {
      throw new IllegalStateException("POST /actuator/faults " + json + " answered " + answer);
    }
  }

  private int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
