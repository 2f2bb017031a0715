package io.flotilla.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * Runs the {@code flotilla} command in-process, as {@code main} would but with its output captured
 * and its environment given, so that tests neither print nor depend on the real environment.
 */
final class Cli {

  private Cli() {}

  static Run run(Map<String, String> environment, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int exitCode =
        Flotilla.commandLine(environment::get, new PrintWriter(out), new PrintWriter(err))
            .execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  static Run run(String... args) {
    return run(Map.of(), args);
  }

  /** What a run left behind. Records compare by value, so one assertion checks all three. */
  record Run(int exitCode, String out, String err) {}
}
