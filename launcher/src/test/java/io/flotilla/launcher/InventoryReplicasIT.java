package io.flotilla.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's {@code --scale hardware=2} with real processes: two hardware services, each its own
 * JVM and database, and the portal over both. Stopping one leaves the page answering.
 */
class InventoryReplicasIT {

  private static final Path SERVICES = Path.of("target", "services");

  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static final List<Process> processes = new ArrayList<>();
  private static Process firstHardware;
  private static int portalPort;

  @BeforeAll
  static void startTwoHardwareReplicasAndThePortal() throws Exception {
    int first = freePort();
    int second = freePort();
    portalPort = freePort();
    firstHardware = start("hardware", first);
    start("hardware", second);
    start(
        "portal",
        portalPort,
        "--flotilla.portal.hardware-urls=http://localhost:"
            + first
            + ",http://localhost:"
            + second);
    for (int port : List.of(first, second, portalPort)) {
      awaitHealth(port);
    }
  }

  @AfterAll
  static void stopEverything() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void portalKeepsAnsweringWhenOneHardwareReplicaStops() throws Exception {
    assertThat(page().statusCode()).isEqualTo(200);

    firstHardware.toHandle().destroy();
    assertThat(firstHardware.waitFor(1, TimeUnit.MINUTES)).as("first hardware stopped").isTrue();

    for (int i = 0; i < 4; i++) {
      HttpResponse<String> page = page();
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .containsPattern("Amazon - c5: (HIGH|MEDIUM|LOW)")
          .containsPattern("Azure - H16mr: (HIGH|MEDIUM|LOW)");
    }
  }

  private static HttpResponse<String> page() throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + portalPort + "/"))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Process start(String service, int port, String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-jar"));
    command.add(SERVICES.resolve(service + ".jar").toString());
    command.add("--server.port=" + port);
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(Files.createTempFile(service + "-" + port, ".log").toFile());
    // Each replica its own database, as each container would have; a short availability check.
    builder.environment().put("FLOTILLA_DATA_DIR", Files.createTempDirectory(service).toString());
    builder.environment().put("FLOTILLA_HARDWARE_PROBE_DELAY", "200ms");
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private static void awaitHealth(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      try {
        var answer =
            http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("nothing healthy on port " + port + " after 2 minutes");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
