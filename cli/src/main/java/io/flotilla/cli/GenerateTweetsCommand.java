package io.flotilla.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flotilla.cli.FlotillaClient.ServerProblem;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla generate-tweets 1000000 [--users 1000]}: made-up tweets in a running Flotilla, to
 * try it at scale. The tweets service writes them ({@code POST /internal/v1/generated-tweets}, a
 * private endpoint: a service token signed as {@code flotilla token} signs ({@link
 * ServiceCredential}), on its own port, as the gateway does not route it), at most {@value
 * #PER_CALL} a call; the command calls until it has its count and prints its progress after each
 * call.
 */
@Command(
    name = "generate-tweets",
    mixinStandardHelpOptions = true,
    versionProvider = Flotilla.Version.class,
    description = {
      "Write COUNT made-up tweets (words, mentions, hashtags, links) by the users gen_1 to"
          + " gen_<users>, through the tweets service, so that they reach the change feed and"
          + " search. Signs its calls with the running Flotilla's secret, as token does."
    },
    exitCodeOnInvalidInput = Flotilla.USAGE,
    exitCodeOnExecutionException = Flotilla.SOFTWARE,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:all the tweets are written",
      " 2:no service secret, or tweets could not be reached or refused a call (the tweets"
          + " written until then stay)",
      "64:the command line is wrong"
    },
    footerHeading = "%nExample:%n",
    footer = {"  flotilla generate-tweets 1000000 --users 1000"})
final class GenerateTweetsCommand implements Callable<Integer> {

  static final int SERVER_PROBLEM = 2;
  static final String PATH = "/internal/v1/generated-tweets";

  /** The most the endpoint writes per call. */
  static final int PER_CALL = 10_000;

  static final int MAX_USERS = 1_000_000;
  static final int DEFAULT_TWEETS_PORT = 8084;

  @Parameters(paramLabel = "COUNT", description = "How many tweets to write.")
  long count;

  @Option(
      names = "--users",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "How many users the tweets come from, 1 to 1000000 (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "The tweets service's own address (default: http://localhost: and $TWEETS_PORT, else"
              + " 8084); the gateway does not route its private endpoints.")
  String url;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description = "How long to wait for each call of 10000 tweets (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Spec CommandSpec spec;

  private final UnaryOperator<String> environment;
  private final Clock clock;

  GenerateTweetsCommand(UnaryOperator<String> environment, Clock clock) {
    this.environment = environment;
    this.clock = clock;
  }

  /** What the endpoint answers for one call. */
  record Generated(int created, @JsonProperty("public") int publicCount) {}

  @Override
  public Integer call() {
    if (count < 1) {
      throw new ParameterException(spec.commandLine(), "COUNT must be 1 or more, got " + count);
    }
    if (users < 1 || users > MAX_USERS) {
      throw new ParameterException(
          spec.commandLine(), "--users must be from 1 to " + MAX_USERS + ", got " + users);
    }
    if (timeoutSeconds < 1) {
      throw new ParameterException(
          spec.commandLine(), "--timeout must be at least 1 second, got " + timeoutSeconds);
    }
    String base = base();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ServiceCredential credential = ServiceCredential.from(environment);
    Instant start = clock.instant();
    long written = 0;
    long publicCount = 0;
    try {
      while (written < count) {
        int asked = (int) Math.min(PER_CALL, count - written);
        // A token per call, so that a load longer than a token's life goes on.
        var client =
            new FlotillaClient(
                base,
                Duration.ofSeconds(timeoutSeconds),
                credential.token("tweets", clock.instant(), Duration.ofMinutes(5)));
        Generated call = client.post(PATH, new Generate(asked, users), Generated.class);
        written += call.created();
        publicCount += call.publicCount();
        out.printf("  %d / %d tweets, %s%n", written, count, rate(written, start));
        out.flush();
      }
    } catch (ServerProblem problem) {
      err.print(
          "flotilla: "
              + problem.getMessage()
              + " ("
              + written
              + " of "
              + count
              + " tweets were written)\n");
      return SERVER_PROBLEM;
    }
    out.printf(
        "%d tweets written (%d public) by %d users at %s in %d s, %s%n",
        written,
        publicCount,
        users,
        base,
        Duration.between(start, clock.instant()).toSeconds(),
        rate(written, start));
    return 0;
  }

  private String rate(long written, Instant start) {
    long millis = Math.max(1, Duration.between(start, clock.instant()).toMillis());
    return written * 1000 / millis + " tweets/s";
  }

  private String base() {
    if (url != null) {
      return LocalService.url(spec, url, "http://localhost:" + DEFAULT_TWEETS_PORT);
    }
    Integer port = LocalService.port(spec, environment, "TWEETS_PORT");
    return "http://localhost:" + (port != null ? port : DEFAULT_TWEETS_PORT);
  }

  /** The endpoint's request body. */
  record Generate(int count, int users) {}
}
