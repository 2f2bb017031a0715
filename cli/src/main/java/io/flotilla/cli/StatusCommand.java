package io.flotilla.cli;

import io.flotilla.cli.FlotillaClient.ServerProblem;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla status}: each service's state as the gateway sees it ({@code GET
 * /api/v1/status}), one line each, and an exit code a script can test.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = Flotilla.Version.class,
    description = "Whether each service of a running Flotilla is ready, as the gateway sees it.",
    exitCodeOnInvalidInput = Flotilla.USAGE,
    exitCodeOnExecutionException = Flotilla.SOFTWARE,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:every service is up",
      " 1:at least one service is down or unreachable (the lines say which and why)",
      " 2:the gateway could not be reached, or answered an error or something not JSON",
      "64:the command line is wrong"
    })
final class StatusCommand implements Callable<Integer> {

  static final int DEGRADED = 1;
  static final int SERVER_PROBLEM = 2;

  @Mixin Connection connection;

  @Spec CommandSpec spec;

  private final UnaryOperator<String> environment;

  /**
   * @param environment looks up environment variables ({@code FLOTILLA_URL}); {@code
   *     System::getenv} but in tests
   */
  StatusCommand(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    FlotillaClient flotilla = connection.client(environment);
    try {
      SystemStatus status = flotilla.get("/api/v1/status", SystemStatus.class);
      if (status.status() == null || status.services() == null) {
        throw new ServerProblem(
            flotilla.base() + "/api/v1/status answered without a status and its services");
      }
      spec.commandLine().getOut().print(text(flotilla.base(), status));
      return "UP".equals(status.status()) ? 0 : DEGRADED;
    } catch (ServerProblem problem) {
      spec.commandLine().getErr().print("flotilla: " + problem.getMessage() + "\n");
      return SERVER_PROBLEM;
    }
  }

  /** A heading line, then a line per service with its state and, unless up, why. */
  static String text(String base, SystemStatus status) {
    int width =
        status.services().stream().mapToInt(service -> service.name().length()).max().orElse(0);
    var text = new StringBuilder("Flotilla at ").append(base).append(" is ");
    text.append(status.status()).append(" (checked ").append(status.checked()).append(")\n");
    for (ServiceStatus service : status.services()) {
      String line =
          String.format(
              "  %-" + width + "s  %-11s  %s",
              service.name(),
              service.status(),
              service.detail() == null ? "" : service.detail());
      text.append(line.stripTrailing()).append('\n');
    }
    return text.toString();
  }

  /** {@code GET /api/v1/status}: UP or DEGRADED, when, and each service. */
  record SystemStatus(String status, String checked, List<ServiceStatus> services) {}

  /** One service: UP, DOWN or UNREACHABLE, and why unless UP. */
  record ServiceStatus(String name, String status, String detail) {}
}
