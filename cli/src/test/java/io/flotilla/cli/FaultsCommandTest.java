package io.flotilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.cli.Cli.Run;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flotilla faults}, against the real lunch service's management port, whose switch takes
 * only a service token for lunch signed with the secret lunch was started with.
 */
class FaultsCommandTest {

  static final LunchServer lunch = LunchServer.start();

  final String management = lunch.management();
  final String managementPort = Integer.toString(URI.create(management).getPort());
  final Map<String, String> environment =
      Map.of(
          "LUNCH_MANAGEMENT_PORT", managementPort, "FLOTILLA_SERVICE_SECRET", LunchServer.SECRET);

  @TempDir Path data;

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
    assertThat(
            Cli.run(
                Map.of("FLOTILLA_SERVICE_SECRET", LunchServer.SECRET),
                "faults",
                "lunch",
                "--url",
                management + "/"))
        .isEqualTo(ok("delay=0s errorRate=0.0 outage=false"));
  }

  @Test
  void withoutTheVariableTheSecretIsReadFromTheFileTheLauncherWrote() throws Exception {
    Files.writeString(data.resolve("service-secret"), LunchServer.SECRET);
    Map<String, String> launched =
        Map.of("LUNCH_MANAGEMENT_PORT", managementPort, "FLOTILLA_DATA_DIR", data.toString());

    assertThat(Cli.run(launched, "faults", "lunch", "--outage"))
        .isEqualTo(ok("delay=0s errorRate=0.0 outage=true"));
  }

  @Test
  void theVariableWinsOverTheFile() throws Exception {
    Files.writeString(data.resolve("service-secret"), "a stale secret from an earlier start, 32+");
    Map<String, String> both =
        Map.of(
            "LUNCH_MANAGEMENT_PORT",
            managementPort,
            "FLOTILLA_DATA_DIR",
            data.toString(),
            "FLOTILLA_SERVICE_SECRET",
            LunchServer.SECRET);

    assertThat(Cli.run(both, "faults", "lunch"))
        .isEqualTo(ok("delay=0s errorRate=0.0 outage=false"));
  }

  @Test
  void withoutASecretItSaysHowToGetOneAndCallsNothing() {
    Run run =
        Cli.run(
            Map.of("LUNCH_MANAGEMENT_PORT", managementPort, "FLOTILLA_DATA_DIR", data.toString()),
            "faults",
            "lunch",
            "--outage");

    assertThat(run).isEqualTo(new Run(2, "", TokenCommandTest.noSecret(data)));
    assertThat(Cli.run(environment, "faults", "lunch"))
        .isEqualTo(ok("delay=0s errorRate=0.0 outage=false"));
  }

  @Test
  void aSecretLunchWasNotStartedWithIsRefusedAndSaysWhereItCameFrom() {
    Map<String, String> other =
        Map.of(
            "LUNCH_MANAGEMENT_PORT",
            managementPort,
            "FLOTILLA_SERVICE_SECRET",
            "another Flotilla's secret, 32 bytes or more");

    assertThat(Cli.run(other, "faults", "lunch", "--outage"))
        .isEqualTo(
            new Run(
                2,
                "",
                "flotilla: "
                    + management
                    + "/actuator/faults answered 401: The service token is invalid, has expired,"
                    + " or is for another service. (the token was signed with the secret from"
                    + " FLOTILLA_SERVICE_SECRET: is it the one lunch was started with?)\n"));
    assertThat(Cli.run(environment, "faults", "lunch"))
        .isEqualTo(ok("delay=0s errorRate=0.0 outage=false"));
  }

  @Test
  void theManagementPortIsTheServicesPortPlusAThousandByDefault() throws Exception {
    int closed;
    try (var socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    int port = closed - 1000;
    Run run =
        Cli.run(
            Map.of(
                "TWEETS_PORT",
                Integer.toString(port),
                "FLOTILLA_SERVICE_SECRET",
                LunchServer.SECRET),
            "faults",
            "tweets");

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
