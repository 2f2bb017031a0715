package io.flotilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.cli.Cli.Run;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code flotilla faults}, against the real lunch service's management port. */
class FaultsCommandTest {

  static final LunchServer lunch = LunchServer.start();

  final String management = lunch.management();
  final Map<String, String> environment =
      Map.of("LUNCH_MANAGEMENT_PORT", Integer.toString(URI.create(management).getPort()));

  // The faults are the service's state, shared with every other test.
  @AfterEach
  void noFaults() {
    lunch.faults("{}");
  }

  @Test
  void withoutOptionsTheFaultsInForceAreShown() {
    assertThat(Cli.run(environment, "faults", "lunch"))
        .isEqualTo(ok("delay=0s errorRate=0.0 outage=false"));
  }

  @Test
  void anOutageIsSwitchedOnAndTheServiceAnswers503() {
    assertThat(Cli.run(environment, "faults", "lunch", "--outage"))
        .isEqualTo(ok("delay=0s errorRate=0.0 outage=true"));

    assertThat(Cli.run("menu", "--url", lunch.base(), "bikupan").exitCode()).isEqualTo(2);

    assertThat(Cli.run(environment, "faults", "lunch", "--no-outage"))
        .isEqualTo(ok("delay=0s errorRate=0.0 outage=false"));
    assertThat(Cli.run("menu", "--url", lunch.base(), "bikupan").exitCode()).isZero();
  }

  @Test
  void optionsLeftOutKeepTheirSettingAndOffClearsThemAll() {
    Cli.run(environment, "faults", "lunch", "--delay", "20ms", "--outage");

    assertThat(Cli.run(environment, "faults", "lunch", "--error-rate", "0.25"))
        .isEqualTo(ok("delay=20ms errorRate=0.25 outage=true"));
    assertThat(Cli.run(environment, "faults", "lunch", "--off"))
        .isEqualTo(ok("delay=0s errorRate=0.0 outage=false"));
    assertThat(Cli.run(environment, "faults", "lunch", "--off", "--delay", "1s"))
        .isEqualTo(ok("delay=1s errorRate=0.0 outage=false"));
  }

  @Test
  void aValueTheServiceRefusesIsOneLineAndChangesNothing() {
    Cli.run(environment, "faults", "lunch", "--delay", "1s");

    assertThat(Cli.run(environment, "faults", "lunch", "--error-rate", "1.5"))
        .isEqualTo(
            new Run(
                2,
                "",
                "flotilla: "
                    + management
                    + "/actuator/faults answered 400: errorRate must be from 0.0 to 1.0, got"
                    + " 1.5\n"));
    assertThat(Cli.run(environment, "faults", "lunch"))
        .isEqualTo(ok("delay=1s errorRate=0.0 outage=false"));
  }

  @Test
  void theUrlOptionNamesTheManagementAddress() {
    assertThat(Cli.run("faults", "lunch", "--url", management + "/"))
        .isEqualTo(ok("delay=0s errorRate=0.0 outage=false"));
  }

  @Test
  void theManagementPortIsTheServicesPortPlusAThousandByDefault() throws Exception {
    int closed;
    try (var socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    int port = closed - 1000;
    Run run = Cli.run(Map.of("TWEETS_PORT", Integer.toString(port)), "faults", "tweets");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("flotilla: cannot reach http://localhost:" + closed + " (");
  }

  @Test
  void anUnknownServiceIsAUsageError() {
    Run run = Cli.run("faults", "gateway");

    assertThat(run.exitCode()).isEqualTo(Flotilla.USAGE);
    assertThat(run.err())
        .startsWith(
            "SERVICE must be one of math, menu, users, tweets, search, hardware, portal, lunch;"
                + " got \"gateway\" (the gateway has no fault switch)\n");
  }

  private Run ok(String settings) {
    return new Run(0, "lunch at " + management + ": " + settings + "\n", "");
  }
}
