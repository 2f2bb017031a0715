package io.flotilla.tweets;

import io.flotilla.testsupport.Http;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service started as it runs in production (no test profile, so the laptop default unless a
 * profile is named), on a free port, trusting the test's token issuer unless the settings name
 * another users service, with the given settings as command-line arguments. For tests that restart
 * it or point it at another database.
 */
final class RunningApp implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  RunningApp(String... settings) {
    List<String> args = new ArrayList<>(List.of(settings));
    args.add("--server.port=0");
    String users = "--spring.cloud.discovery.client.simple.instances.users=";
    // Named twice on the command line, a property's values are joined: two instances.
    if (args.stream().noneMatch(arg -> arg.startsWith(users))) {
      args.add(users + TokenIssuer.USERS.url());
    }
    args.add("--flotilla.service-credentials.secret=" + ApiTest.SERVICE_SECRET);
    context =
        new SpringApplicationBuilder(TweetsApplication.class).run(args.toArray(String[]::new));
  }

  Http http() {
    return ApiTest.http(((WebServerApplicationContext) context).getWebServer().getPort());
  }

  Http as(String username) {
    return http().as(TokenIssuer.USERS.token(username));
  }

  /** As search calls the change feed: with a service token for tweets. */
  Http search() {
    return ApiTest.search(((WebServerApplicationContext) context).getWebServer().getPort());
  }

  /** One of the running service's beans, for what its HTTP API does not show. */
  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
