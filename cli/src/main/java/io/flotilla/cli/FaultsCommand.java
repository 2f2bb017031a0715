package io.flotilla.cli;

import io.flotilla.cli.FlotillaClient.ServerProblem;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla faults SERVICE [--delay 2s] [--error-rate 0.2] [--outage|--no-outage] [--off]}:
 * shows or switches the faults a service injects into its own requests, through the {@code faults}
 * Actuator endpoint on its management port (the service's port + 1000, on this machine), with a
 * service token for the service ({@link ServiceCredential}). Options left out keep their current
 * setting.
 */
@Command(
    name = "faults",
    mixinStandardHelpOptions = true,
    versionProvider = Flotilla.Version.class,
    description = {
      "Show or switch the faults a service injects into its requests: a delay, a share of 503"
          + " answers, an outage. Options left out keep their setting. See docs/faults.md.",
      "The switch takes a service token: signed with $FLOTILLA_SERVICE_SECRET, else with the"
          + " secret the running Flotilla was started with ($FLOTILLA_DATA_DIR/service-secret,"
          + " else data/service-secret)."
    },
    exitCodeOnInvalidInput = Flotilla.USAGE,
    exitCodeOnExecutionException = Flotilla.SOFTWARE,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the faults in force are shown (after the change, if any)",
      " 2:the service's management port could not be reached, or refused the settings or the"
          + " token; or there is no service secret to sign the token with",
      "64:the command line is wrong"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flotilla faults tweets --outage           tweets answers 503 to everything",
      "  flotilla faults users --delay 3s          every users request waits 3 s",
      "  flotilla faults hardware --error-rate 0.5 half of hardware's answers are 503",
      "  flotilla faults tweets --off              all faults off"
    })
final class FaultsCommand implements Callable<Integer> {

  static final int SERVER_PROBLEM = 2;

  /** Long enough for the two calls a switch makes, and no longer. */
  static final Duration TOKEN_TTL = Duration.ofMinutes(1);

  /** Each service's default port, as the launcher's; its management port is 1000 above. */
  static final Map<String, Integer> PORTS =
      Map.of(
          "math", 8081,
          "menu", 8082,
          "users", 8083,
          "tweets", 8084,
          "search", 8085,
          "hardware", 8086,
          "portal", 8087,
          "lunch", 8089);

  static final String PATH = "/actuator/faults";

  @Parameters(
      paramLabel = "SERVICE",
      description = "math, menu, users, tweets, search, hardware, portal or lunch.")
  String service;

  @Option(
      names = "--delay",
      paramLabel = "DURATION",
      description = "How long each request waits, e.g. 2s or 500ms; 0s for none.")
  String delay;

  @Option(
      names = "--error-rate",
      paramLabel = "RATE",
      description = "The share of requests answered 503, from 0.0 to 1.0.")
  Double errorRate;

  @Option(
      names = "--outage",
      negatable = true,
      description = "Answer 503 to every request at once (--no-outage: stop).")
  Boolean outage;

  @Option(
      names = "--off",
      description = "All faults off first; other options given are then applied.")
  boolean off;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "The service's management address (default: http://localhost: and $<SERVICE>_MANAGEMENT_PORT,"
              + " else $<SERVICE>_PORT + 1000, else its default port + 1000).")
  String url;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "How long to wait for each answer (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Spec CommandSpec spec;

  private final UnaryOperator<String> environment;
  private final Clock clock;

  /**
   * @param environment looks up environment variables ({@code TWEETS_MANAGEMENT_PORT}, {@code
   *     TWEETS_PORT}, the service secret); {@code System::getenv} but in tests
   */
  FaultsCommand(UnaryOperator<String> environment, Clock clock) {
    this.environment = environment;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    String base = base();
    Duration timeout = timeout();
    ServiceCredential credential = ServiceCredential.from(environment);
    FlotillaClient client =
        new FlotillaClient(base, timeout, credential.token(service, clock.instant(), TOKEN_TTL));
    try {
      Settings settings;
      if (delay == null && errorRate == null && outage == null && !off) {
        settings = client.get(PATH, Settings.class);
      } else {
        Settings before = off ? Settings.NONE : client.get(PATH, Settings.class);
        settings =
            client.post(
                PATH,
                new Settings(
                    delay != null ? delay : before.delay(),
                    errorRate != null ? errorRate : before.errorRate(),
                    outage != null ? outage : before.outage()),
                Settings.class);
      }
      spec.commandLine()
          .getOut()
          .print(
              service
                  + " at "
                  + client.base()
                  + ": delay="
                  + settings.delay()
                  + " errorRate="
                  + settings.errorRate()
                  + " outage="
                  + settings.outage()
                  + "\n");
      return 0;
    } catch (ServerProblem problem) {
      String hint =
          problem.status() == 401
              ? " (the token was signed with the secret from "
                  + credential.source()
                  + ": is it the one "
                  + service
                  + " was started with?)"
              : "";
      spec.commandLine().getErr().print("flotilla: " + problem.getMessage() + hint + "\n");
      return SERVER_PROBLEM;
    }
  }

  private String base() {
    Integer defaultPort = PORTS.get(service);
    if (defaultPort == null) {
      throw new ParameterException(
          spec.commandLine(),
          "SERVICE must be one of math, menu, users, tweets, search, hardware, portal, lunch; got \""
              + service
              + "\" (the gateway has no fault switch)");
    }
    if (url != null) {
      return LocalService.url(spec, url, "http://localhost:9084");
    }
    String name = service.toUpperCase(Locale.ROOT);
    Integer management = LocalService.port(spec, environment, name + "_MANAGEMENT_PORT");
    if (management == null) {
      Integer port = LocalService.port(spec, environment, name + "_PORT");
      management = (port != null ? port : defaultPort) + 1000;
    }
    return "http://localhost:" + management;
  }

  private Duration timeout() {
    if (timeoutSeconds < 1) {
      throw new ParameterException(
          spec.commandLine(), "--timeout must be at least 1 second, got " + timeoutSeconds);
    }
    return Duration.ofSeconds(timeoutSeconds);
  }

  /**
   * The endpoint's body, read and written: {@code {"delay":"2s","errorRate":0.2,"outage":false}}.
   */
  record Settings(String delay, double errorRate, boolean outage) {
    static final Settings NONE = new Settings("0s", 0.0, false);
  }
}
