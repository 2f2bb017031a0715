package io.flotilla.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flotilla.testsupport.Commands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Prometheus's own checker, from Debian's package {@code prometheus} (.ci/run installs it). */
final class Promtool {

  private Promtool() {}

  /** What promtool printed and how it ended. */
  record Result(int exitCode, String output) {}

  /** Skips the calling test, saying what goes unchecked, where promtool is not installed. */
  static void assumeInstalled(String unchecked) {
    assumeTrue(
        Commands.onPath("promtool").isPresent(),
        "promtool is not on the PATH (Debian package prometheus): " + unchecked);
  }

  /** Runs {@code promtool <arguments>} in a directory, so that relative file names resolve. */
  static Result run(Path directory, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("promtool"));
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " took longer than 60 s");
    }
    return new Result(process.exitValue(), output);
  }
}
