package io.flotilla.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** The machine's own tools (kubectl, promtool, prometheus...) that some checks run when present. */
public final class Commands {

  private Commands() {}

  /** The executable of this name on the PATH, if there is one. */
  public static Optional<Path> onPath(String command) {
    String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, command))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
