package io.flotilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.cli.Cli.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lunch service failing or slow, by the platform's fault injection ({@code /actuator/faults}):
 * exit code 2 and one line on stderr saying what happened.
 */
class LunchFaultsTest {

  static final LunchServer lunch = LunchServer.start();

  final String url = lunch.base();

  // The faults are the service's state, shared with every other test.
  @AfterEach
  void noFaults() {
    lunch.faults("{}");
  }

  @Test
  void anUpstreamErrorIsOneLineWithItsDetail() {
    lunch.faults("{\"outage\":true}");

    assertThat(Cli.run("menu", "--url", url, "bikupan"))
        .isEqualTo(
            new Run(
                2,
                "",
                "flotilla: "
                    + url
                    + "/restaurant answered 503: The lunch service is unavailable (injected fault:"
                    + " outage).\n"));
  }

  @Test
  void aSlowAnswerIsGivenUpAfterTheTimeout() {
    lunch.faults("{\"delay\":\"2s\"}");

    assertThat(Cli.run("menu", "--url", url, "--timeout", "1", "bikupan"))
        .isEqualTo(new Run(2, "", "flotilla: " + url + "/restaurant did not answer within 1 s\n"));
  }
}
