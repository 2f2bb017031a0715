package io.flotilla.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTopologyTest {

  @Test
  void aFailedStartQuotesTheEndOfTheServicesLog(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("hardware-2.log");
    Files.write(
        log,
        "started\nAPPLICATION FAILED TO START\nPort 41747 was already in use.\n\u00ff\u00fe"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    String tail = ProcessTopology.lastLines(log, 2);

    assertThat(tail.lines().map(String::strip).filter(line -> !line.isEmpty()))
        .hasSize(2)
        .first()
        .isEqualTo("Port 41747 was already in use.");
  }

  @Test
  void aMissingLogIsSaidNotThrown(@TempDir Path dir) {
    assertThat(ProcessTopology.lastLines(dir.resolve("none.log"), 5)).contains("unreadable");
  }
}
