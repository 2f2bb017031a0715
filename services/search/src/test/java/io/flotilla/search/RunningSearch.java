package io.flotilla.search;

import io.flotilla.testsupport.Http;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service started as it runs in production, on a free port, over a given feed and index
 * directory: for tests that stop it and start it again.
 */
final class RunningSearch implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  RunningSearch(StandInFeed feed, Path indexDir, String... settings) {
    List<String> args = new ArrayList<>(List.of(settings));
    String secret = "--flotilla.service-credentials.secret=";
    // Named twice on the command line, a property's values would be joined: a test's own wins.
    if (args.stream().noneMatch(arg -> arg.startsWith(secret))) {
      args.add(secret + StandInFeed.SECRET);
    }
    args.add("--server.port=0");
    args.add("--flotilla.search.tweets-url=" + feed.url());
    args.add("--flotilla.search.index-dir=" + indexDir);
    context =
        new SpringApplicationBuilder(SearchApplication.class).run(args.toArray(String[]::new));
  }

  Http http() {
    return Http.port(((WebServerApplicationContext) context).getWebServer().getPort());
  }

  @Override
  public void close() {
    context.close();
  }
}
