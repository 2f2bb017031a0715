package io.flotilla.cli;

import java.net.URI;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Where one of Flotilla's services answers on this machine, for the commands that call a service
 * directly rather than through the gateway: {@code --url} as given, or {@code http://localhost:}
 * and a port from the environment ({@code TWEETS_PORT}...).
 */
final class LocalService {

  private LocalService() {}

  /**
   * {@code --url} checked, without trailing slashes.
   *
   * @param example an address to show when it is not an http:// one
   */
  static String url(CommandSpec spec, String url, String example) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException notAUri) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null || !"http".equals(uri.getScheme())) {
      throw new ParameterException(
          spec.commandLine(),
          "--url must be an http:// address such as " + example + ", got \"" + url + "\"");
    }
    return url.strip().replaceAll("/+$", "");
  }

  /** The port the environment variable names, or null when it is not set. */
  static Integer port(CommandSpec spec, UnaryOperator<String> environment, String variable) {
    String value = environment.apply(variable);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int port = Integer.parseInt(value.strip());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException notANumber) {
      // said below
    }
    throw new ParameterException(
        spec.commandLine(),
        variable + " must be a port number from 1 to 65535, got \"" + value + "\"");
  }
}
