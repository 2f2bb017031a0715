package io.flotilla.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla token hardware}: a service token for a service's private endpoints (hardware's
 * writes, tweets' change feed, every service's fault switch), signed with the running Flotilla's
 * secret ({@link ServiceCredential}), a few minutes long. Printed alone on a line, for {@code
 * $(...)}.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    versionProvider = Flotilla.Version.class,
    description = {
      "A service token for a service's private endpoints, signed with $FLOTILLA_SERVICE_SECRET,"
          + " else with the secret the running Flotilla was started with (./flotilla up and"
          + " ./flotilla cluster write it to $FLOTILLA_DATA_DIR/service-secret, else"
          + " data/service-secret).",
      "e.g. curl -X POST -H \"Authorization: Bearer $(./flotilla token hardware)\" ..."
    },
    exitCodeOnInvalidInput = Flotilla.USAGE,
    exitCodeOnExecutionException = Flotilla.SOFTWARE,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the token is printed",
      " 2:no service secret: Flotilla is not started and FLOTILLA_SERVICE_SECRET is not set, or"
          + " the secret is shorter than 32 bytes",
      "64:the command line is wrong"
    })
final class TokenCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "SERVICE",
      description = "The service the token is for: hardware, tweets...")
  String service;

  @Option(
      names = "--minutes",
      defaultValue = "5",
      description = "How long the token is good for, 1 to 60 minutes (default: ${DEFAULT-VALUE}).")
  int minutes;

  @Spec CommandSpec spec;

  private final UnaryOperator<String> environment;
  private final Clock clock;

  TokenCommand(UnaryOperator<String> environment, Clock clock) {
    this.environment = environment;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    if (minutes < 1 || minutes > 60) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--minutes must be from 1 to 60, got " + minutes);
    }
    ServiceCredential credential = ServiceCredential.from(environment);
    spec.commandLine()
        .getOut()
        .print(credential.token(service, clock.instant(), Duration.ofMinutes(minutes)) + "\n");
    return 0;
  }
}
