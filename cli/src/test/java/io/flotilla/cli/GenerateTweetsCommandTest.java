package io.flotilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.cli.Cli.Run;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flotilla generate-tweets}, against a stand-in for the tweets endpoint that checks tokens
 * as the services do (the endpoint itself is tested in the tweets service, and end to end in
 * LauncherIT).
 */
class GenerateTweetsCommandTest {

  final StandInTweets tweets = new StandInTweets();
  final Map<String, String> environment =
      Map.of(
          "FLOTILLA_SERVICE_SECRET",
          TokenCommandTest.SECRET,
          "TWEETS_PORT",
          Integer.toString(URI.create(tweets.base()).getPort()));

  @AfterEach
  void stop() {
    tweets.close();
  }

  @Test
  void asksTenThousandACallUntilItHasItsCountShowingProgress() {
    Run run = Cli.run(environment, "generate-tweets", "25000", "--users", "40");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(tweets.bodies)
        .containsExactly(
            "{\"count\":10000,\"users\":40}",
            "{\"count\":10000,\"users\":40}",
            "{\"count\":5000,\"users\":40}");
    String[] lines = run.out().split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).matches("  10000 / 25000 tweets, \\d+ tweets/s");
    assertThat(lines[1]).matches("  20000 / 25000 tweets, \\d+ tweets/s");
    assertThat(lines[2]).matches("  25000 / 25000 tweets, \\d+ tweets/s");
    assertThat(lines[3])
        .matches(
            "25000 tweets written \\(24997 public\\) by 40 users at "
                + tweets.base()
                + " in \\d+ s, \\d+ tweets/s");
  }

  @Test
  void aThousandUsersUnlessToldAndTheUrlOptionNamesTheService() {
    Run run =
        Cli.run(
            Map.of("FLOTILLA_SERVICE_SECRET", TokenCommandTest.SECRET),
            "generate-tweets",
            "7",
            "--url",
            tweets.base() + "/");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(tweets.bodies).containsExactly("{\"count\":7,\"users\":1000}");
  }

  @Test
  void withoutASecretNothingIsAsked(@TempDir Path notStarted) {
    Run run =
        Cli.run(
            Map.of("TWEETS_PORT", "8084", "FLOTILLA_DATA_DIR", notStarted.toString()),
            "generate-tweets",
            "5");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("flotilla: no service secret to sign a token with: ");
    assertThat(tweets.bodies).isEmpty();
  }

  @Test
  void aRefusalIsOneLineThatSaysHowFarItGot() {
    Map<String, String> wrong =
        Map.of(
            "FLOTILLA_SERVICE_SECRET",
            "another secret of thirty-two bytes or more",
            "TWEETS_PORT",
            environment.get("TWEETS_PORT"));

    assertThat(Cli.run(wrong, "generate-tweets", "5"))
        .isEqualTo(
            new Run(
                2,
                "",
                "flotilla: "
                    + tweets.base()
                    + "/internal/v1/generated-tweets answered 401: Bad service token."
                    + " (0 of 5 tweets were written)\n"));
  }

  @Test
  void anUnreachableServiceIsOneLine() throws Exception {
    int closed;
    try (var socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    Run run = Cli.run(environment, "generate-tweets", "5", "--url", "http://localhost:" + closed);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("flotilla: cannot reach http://localhost:" + closed + " (")
        .endsWith("(0 of 5 tweets were written)\n");
  }

  @Test
  void badCountsAndUserNumbersAreUsageErrors() {
    assertThat(Cli.run(environment, "generate-tweets", "0").err())
        .startsWith("COUNT must be 1 or more, got 0");
    assertThat(Cli.run(environment, "generate-tweets", "5", "--users", "0").err())
        .startsWith("--users must be from 1 to 1000000, got 0");
    assertThat(Cli.run(environment, "generate-tweets", "many").exitCode()).isEqualTo(64);
    assertThat(Cli.run(environment, "generate-tweets").exitCode()).isEqualTo(64);
    assertThat(Cli.run(environment, "generate-tweets", "5", "--url", "ftp://x").exitCode())
        .isEqualTo(64);
    assertThat(tweets.bodies).isEmpty();
  }
}
