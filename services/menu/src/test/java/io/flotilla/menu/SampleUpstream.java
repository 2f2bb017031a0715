package io.flotilla.menu;

import io.flotilla.lunch.LunchApplication;
import io.flotilla.platform.credentials.ServiceSecret;
import io.flotilla.platform.credentials.ServiceTokens;
import io.flotilla.testsupport.Http;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real sample upstream ({@code lunch}), started in the test's JVM on a free port: the relay
 * calls it over real HTTP. It counts every {@code /api/**} request it answers ({@code
 * lunch.requests}), which is how the tests see how often the relay called upstream.
 */
final class SampleUpstream implements AutoCloseable {

  /** What its fault switch takes service tokens signed with. */
  private static final String SECRET = "the upstream's service secret, 32 bytes or more";

  private final ConfigurableApplicationContext context;
  final String url;
  final Http http;

  /** Its management port, where the platform's fault switch is ({@code /actuator/faults}). */
  private final Http management;

  private SampleUpstream(ConfigurableApplicationContext context) {
    this.context = context;
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.url = "http://localhost:" + port;
    this.http = new Http(url);
    String token =
        ServiceTokens.mint(
            ServiceSecret.key(SECRET).orElseThrow(),
            "operator",
            "lunch",
            Instant.now(),
            Duration.ofHours(1));
    this.management =
        Http.port(context.getEnvironment().getRequiredProperty("local.management.port", int.class))
            .as(token);
  }

  static SampleUpstream start() {
    return new SampleUpstream(
        new SpringApplicationBuilder(LunchApplication.class)
            .properties(
                // Not the relay's application.yaml, which comes first on this class path.
                "spring.config.name=lunch-in-a-test",
                "spring.application.name=lunch",
                "server.port=0",
                "management.server.port=0")
            // An argument: the platform's defaults would win over a default property.
            .run("--flotilla.service-credentials.secret=" + SECRET));
  }

  /** How many /api/** requests reached the upstream so far. */
  long calls() {
    return (long)
        context.getBean(MeterRegistry.class).find("lunch.requests").counters().stream()
            .mapToDouble(counter -> counter.count())
            .sum();
  }

  void faults(String json) {
    Http.Answer answer = management.post("/actuator/faults", json);
    if (answer.status() != 200) {
      throw new IllegalStateException("could not set the faults: " + answer);
    }
  }

  void noFaults() {
    faults("{\"delay\":\"0s\",\"errorRate\":0.0,\"outage\":false}");
  }

  @Override
  public void close() {
    context.close();
  }
}
