package io.flotilla.cli;

import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where the running Flotilla answers and how long to wait: the options every command shares. */
final class Connection {

  static final String DEFAULT_URL = "http://localhost:8080";
  static final String URL_VARIABLE = "FLOTILLA_URL";

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "Where Flotilla answers (default: $" + URL_VARIABLE + ", else " + DEFAULT_URL + ").")
  String url;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "How long to wait for each answer (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  /**
   * A client for --url, else $FLOTILLA_URL, else the gateway on this machine.
   *
   * @param environment looks up environment variables; {@code System::getenv} but in tests
   */
  FlotillaClient client(UnaryOperator<String> environment) {
    return new FlotillaClient(base(environment), timeout());
  }

  private String base(UnaryOperator<String> environment) {
    String variable = environment.apply(URL_VARIABLE);
    boolean fromOption = url != null;
    String given =
        fromOption ? url : variable != null && !variable.isBlank() ? variable : DEFAULT_URL;
    String base = given.strip().replaceAll("/+$", "");
    URI uri;
    try {
      uri = URI.create(base);
    } catch (IllegalArgumentException notAUri) {
      uri = null;
    }
    if (uri == null
        || uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new ParameterException(
          spec.commandLine(),
          (fromOption ? "--url" : URL_VARIABLE)
              + " must be an http:// or https:// address such as "
              + DEFAULT_URL
              + ", got \""
              + given
              + "\"");
    }
    return base;
  }

  private Duration timeout() {
    if (timeoutSeconds < 1) {
      throw new ParameterException(
          spec.commandLine(), "--timeout must be at least 1 second, got " + timeoutSeconds);
    }
    return Duration.ofSeconds(timeoutSeconds);
  }
}
