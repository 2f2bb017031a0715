package io.flotilla.cli;

import io.flotilla.lunch.LunchApplication;
import io.flotilla.testsupport.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

  private static LunchServer running;

  private final ConfigurableApplicationContext context;

  private LunchServer() {
    // As arguments, which win over the service's application.yaml (port 8089), as defaults don't.
    context =
        new SpringApplicationBuilder(LunchApplication.class, TestClock.Config.class)
            .run(
                "--server.port=0",
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

  /** Replaces the faults in force, e.g. {@code {"outage":true}}; {@code {}} turns them all off. */
  void faults(String json) {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/faults"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build();
    try (var http = HttpClient.newHttpClient()) {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        throw new IllegalStateException("PUT /faults " + json + " answered " + status);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
