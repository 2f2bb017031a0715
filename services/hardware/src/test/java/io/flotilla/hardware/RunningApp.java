package io.flotilla.hardware;

import io.flotilla.testsupport.Http;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service started as it runs in production (no test profile), on a free port, with the given
 * settings as command-line arguments. For tests that restart it or point it at another database.
 */
final class RunningApp implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  RunningApp(String... settings) {
    List<String> args = new ArrayList<>(List.of(settings));
    args.add("--server.port=0");
    args.add("--flotilla.service-credentials.secret=" + ServiceToken.SECRET);
    args.add("--flotilla.hardware.probe.delay=10ms");
    context =
        new SpringApplicationBuilder(HardwareApplication.class).run(args.toArray(String[]::new));
  }

  Http http() {
    return Http.port(((WebServerApplicationContext) context).getWebServer().getPort())
        .as(ServiceToken.forHardware());
  }

  @Override
  public void close() {
    context.close();
  }
}
